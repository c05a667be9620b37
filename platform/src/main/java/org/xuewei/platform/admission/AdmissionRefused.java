package org.xuewei.platform.admission;

import java.util.Arrays;

/**
 * A command refused with a reason staff or parents can read: a message key of
 * {@code admission/messages.properties} and its arguments. Nothing was changed.
 */
public class AdmissionRefused extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public AdmissionRefused(String key, Object... args) {
        super(key + Arrays.toString(args));
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
