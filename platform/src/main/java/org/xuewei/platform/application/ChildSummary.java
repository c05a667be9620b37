package org.xuewei.platform.application;

import org.xuewei.platform.policy.Grade;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A child as the parent's pages show it: our reference (never the ID number in a URL), name, masked ID number, grade,
 * the season's application if there is one, and where the child was found: {@code HUKOU} (in the guardian's
 * household, 户籍) or {@code BIRTH} (出生医学证明 naming the guardian, for a child outside the household).
 */
public record ChildSummary(UUID ref, String name, String maskedId, Grade grade, LocalDate birthDate, UUID applicationId,
                           String applicationNumber, ApplicationStatus status, String foundIn) {
}
