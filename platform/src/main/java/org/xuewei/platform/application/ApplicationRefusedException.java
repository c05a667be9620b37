package org.xuewei.platform.application;

/**
 * A submission the parent has to fix or cannot make, with a message key ({@code application.error.*}) saying what to
 * do; {@code conflict} when another guardian already applied for the child this season.
 */
public class ApplicationRefusedException extends RuntimeException {

    private final String messageKey;
    private final boolean conflict;

    public ApplicationRefusedException(String messageKey, boolean conflict) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.conflict = conflict;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean conflict() {
        return conflict;
    }
}
