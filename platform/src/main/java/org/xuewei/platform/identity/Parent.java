package org.xuewei.platform.identity;

/**
 * A parent signed in through the city app (家长): the provider's pseudonymous subject, the real name and the ID
 * number from the {@code idcard} scope. Never log or show {@code idNumber}; use {@link PersonalData#mask(String)}.
 */
public record Parent(String subject, String name, String idNumber) {
    @Override
    public String toString() {
        return "Parent[" + subject + ", " + PersonalData.mask(idNumber) + "]";
    }
}
