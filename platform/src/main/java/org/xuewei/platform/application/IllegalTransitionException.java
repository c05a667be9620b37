package org.xuewei.platform.application;

/** A move the state machine does not allow, e.g. verifying a withdrawn application. */
public class IllegalTransitionException extends IllegalStateException {
    public IllegalTransitionException(ApplicationStatus from, ApplicationStatus to) {
        super("an application " + from + " cannot become " + to);
    }
}
