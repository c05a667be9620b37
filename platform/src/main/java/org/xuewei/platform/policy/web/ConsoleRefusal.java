package org.xuewei.platform.policy.web;

/** A console command that cannot be done now; the message key (policy bundle) says why and what to do. */
class ConsoleRefusal extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    ConsoleRefusal(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args;
    }
}
