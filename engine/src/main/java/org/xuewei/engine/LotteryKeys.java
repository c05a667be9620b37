package org.xuewei.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * 随机号 — lottery keys of docs/lottery.md §3. A key depends only on the seed and the ids.
 * Keys compare as unsigned big-endian integers ({@link java.util.Arrays#compareUnsigned}).
 */
public final class LotteryKeys {
    /** Separator between school id and student id in a multiple-tie-break key. */
    public static final byte UNIT_SEPARATOR = 0x1F;

    private LotteryKeys() {
    }

    /** key(student) = SHA-256(seed ‖ UTF-8(studentId)). */
    public static byte[] single(byte[] seed, String studentId) {
        MessageDigest md = Sha256.newDigest();
        md.update(seed);
        md.update(studentId.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    /** key(student, school) = SHA-256(seed ‖ UTF-8(schoolId) ‖ 0x1F ‖ UTF-8(studentId)). */
    public static byte[] multiple(byte[] seed, String schoolId, String studentId) {
        MessageDigest md = Sha256.newDigest();
        md.update(seed);
        md.update(schoolId.getBytes(StandardCharsets.UTF_8));
        md.update(UNIT_SEPARATOR);
        md.update(studentId.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }
}
