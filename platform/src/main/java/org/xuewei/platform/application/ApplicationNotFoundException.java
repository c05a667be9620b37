package org.xuewei.platform.application;

/** No such child or application for this parent — said the same way whether it exists for someone else or not. */
public class ApplicationNotFoundException extends RuntimeException {
    public ApplicationNotFoundException() {
        super("not found", null, false, false);
    }
}
