package org.xuewei.platform.policy;

import java.util.List;
import java.util.Map;

/**
 * One explained step of an evaluation. Parents read {@code text} (already rendered, Chinese); staff also see the
 * rule id and CEL source, whether it held, and the registry records behind it.
 *
 * @param key    a message key in {@code policy/messages*.properties} when the text is generic (else {@code null})
 * @param args   the key's parameters
 * @param text   the rendered Chinese sentence
 * @param textEn the English sentence if the policy supplies one or the key renders one
 */
public record Reason(String ruleId, String rule, boolean holds, String key, Map<String, Object> args, String text,
                     String textEn, List<SourceRef> sources) {
    public Reason {
        args = args == null ? Map.of() : Map.copyOf(args);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
