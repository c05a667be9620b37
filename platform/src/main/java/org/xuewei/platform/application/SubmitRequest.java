package org.xuewei.platform.application;

/**
 * What a parent submits: the home (id from the check), the public option (a zoned school of that home), optionally
 * one private school (民办), consent to the use of registry data, an optional note to the reviewers, and an
 * idempotency key that makes a retried or double-tapped submission the same application.
 */
public record SubmitRequest(String homeId, String publicSchool, String privateSchool, boolean consent, String note,
                            String idempotencyKey) {
}
