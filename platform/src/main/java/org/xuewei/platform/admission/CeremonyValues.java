package org.xuewei.platform.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The formats of the values typed at a ceremony (LOTTERY.md §4: no line breaks): refused with a reason
 * before anything is stored. Letters (any script), digits and a few separators; no leading or trailing space.
 */
public final class CeremonyValues {

    static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,200}");
    static final Pattern PUBLIC_VALUE = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} .,:;+#/_()-]{0,126}[\\p{L}\\p{N})])?");
    static final Pattern WITNESS = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ._-]{0,62}[\\p{L}\\p{N}])?");
    static final int MAX_WITNESSES = 10;

    private CeremonyValues() {
    }

    static String publicValueName(String name) {
        String v = name == null ? "" : name.strip();
        if (!NAME.matcher(v).matches()) {
            throw new AdmissionRefused("admission.refused.public-value-name");
        }
        return v;
    }

    static String publicValue(String value) {
        if (value == null || !PUBLIC_VALUE.matcher(value).matches()) {
            throw new AdmissionRefused("admission.refused.public-value");
        }
        return value;
    }

    /** Blank lines are dropped; anything else must match the witness format. */
    static List<String> witnesses(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String w : values == null ? List.<String>of() : values) {
            if (w == null || w.isBlank()) {
                continue;
            }
            if (!WITNESS.matcher(w).matches()) {
                throw new AdmissionRefused("admission.refused.witness", out.size() + 1);
            }
            out.add(w);
        }
        if (out.size() > MAX_WITNESSES) {
            throw new AdmissionRefused("admission.refused.witnesses", MAX_WITNESSES);
        }
        return out;
    }
}
