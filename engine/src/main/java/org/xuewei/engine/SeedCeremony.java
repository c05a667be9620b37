package org.xuewei.engine;

import java.util.List;

/**
 * 摇号种子 — the seed recipe of docs/lottery.md §4:
 * seed = SHA-256(UTF-8("xuewei-seed/1\n" + inputSha256 + "\n" + secret + "\n" + publicValue + "\n"
 * + witness1 + "\n" + …)), and the bureau's commitment SHA-256(UTF-8(secret)).
 */
public final class SeedCeremony {
    private SeedCeremony() {
    }

    public static String seed(String inputSha256, String secret, String publicValue, List<String> witnesses) {
        if (!Hex.isDigest(inputSha256)) {
            throw new InvalidInputException("input-sha256: must be 64 lowercase hex digits");
        }
        StringBuilder text = new StringBuilder("xuewei-seed/1\n");
        text.append(inputSha256).append('\n');
        text.append(checked("secret", secret)).append('\n');
        text.append(checked("public", publicValue)).append('\n');
        for (int i = 0; i < witnesses.size(); i++) {
            text.append(checked("witness[" + (i + 1) + "]", witnesses.get(i))).append('\n');
        }
        return Sha256.hexOf(text.toString());
    }

    /** The commitment published before the draw: SHA-256(UTF-8(secret)). */
    public static String commitment(String secret) {
        return Sha256.hexOf(checked("secret", secret));
    }

    private static String checked(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field + ": missing");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new InvalidInputException(field + ": must not contain a line break");
        }
        return value;
    }
}
