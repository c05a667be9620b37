package org.xuewei.platform.review;

/** A review command that cannot be done as asked, with a message key ({@code review.error.*}) saying what to do. */
public class ReviewRefusedException extends RuntimeException {

    private final String messageKey;

    public ReviewRefusedException(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
