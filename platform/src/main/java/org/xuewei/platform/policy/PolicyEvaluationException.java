package org.xuewei.platform.policy;

/** A rule failed while running (e.g. it exceeded the iteration budget); the message says which rule and why. */
public class PolicyEvaluationException extends RuntimeException {
    private final String path;

    public PolicyEvaluationException(String path, String message, Throwable cause) {
        super(path + "：" + message, cause);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
