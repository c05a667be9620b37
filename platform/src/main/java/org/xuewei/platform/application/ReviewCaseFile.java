package org.xuewei.platform.application;

import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.registry.Evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as the reviewer sees it: the application, the reasons the checks gave, what the registries say now (facts as
 * message keys, each registry's outcome, the evidence snapshots with source, time and digest) and the categories the
 * district's policy knows. Personal data masked: the child's ID number only as {@code 3601**********123X}.
 */
public record ReviewCaseFile(UUID id, String number, ApplicationStatus status, Grade grade, String maskedName,
                             String maskedId, LocalDate birthDate, String publicSchool, String privateSchool,
                             String homeKind, String categoryCode, Double points, List<ReviewReason> reasons,
                             String note, List<ApplicationView.TimelineEntry> timeline, boolean registriesComplete,
                             List<CheckResult.RegistryLine> registries, List<CheckResult.FactLine> facts,
                             List<Evidence> evidence, List<CategoryOption> categories) {

    /** A category of the district's policy a reviewer can approve with. */
    public record CategoryOption(String code, int rank, String name, String nameEn) {
    }
}
