package org.xuewei.platform.policy.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Overrides on JSON trees: objects merge property by property ({@code null} removes), arrays of keyed objects
 * (by {@code grade}+{@code code}, {@code code} or {@code id}) merge element by element — a matching element is
 * merged, a new one appended, one with {@code "remove": true} removed — and anything else is replaced.
 */
public final class TreeMerge {

    private TreeMerge() {
    }

    public static JsonNode merge(JsonNode base, JsonNode over) {
        if (base instanceof ObjectNode b && over instanceof ObjectNode o) {
            ObjectNode out = b.deepCopy();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                if (e.getValue().isNull()) {
                    out.remove(e.getKey());
                } else {
                    JsonNode existing = out.get(e.getKey());
                    out.set(e.getKey(), existing == null ? e.getValue().deepCopy() : merge(existing, e.getValue()));
                }
            }
            return out;
        }
        if (base instanceof ArrayNode b && over instanceof ArrayNode o && keyed(b) && keyed(o)) {
            ArrayNode out = b.deepCopy();
            for (JsonNode element : o) {
                int at = indexOf(out, key(element));
                boolean remove = element.path("remove").asBoolean(false);
                if (at >= 0 && remove) {
                    out.remove(at);
                } else if (at >= 0) {
                    out.set(at, merge(out.get(at), element));
                } else if (!remove) {
                    out.add(element.deepCopy());
                }
            }
            return out;
        }
        return over.deepCopy();
    }

    static boolean keyed(ArrayNode array) {
        if (array.isEmpty()) {
            return true;
        }
        for (JsonNode n : array) {
            if (key(n) == null) {
                return false;
            }
        }
        return true;
    }

    static String key(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        if (n.hasNonNull("grade") && n.hasNonNull("code")) {
            return n.get("grade").asString() + "/" + n.get("code").asString();
        }
        if (n.hasNonNull("code")) {
            return n.get("code").asString();
        }
        if (n.hasNonNull("id")) {
            return n.get("id").asString();
        }
        return null;
    }

    private static int indexOf(ArrayNode array, String key) {
        for (int i = 0; i < array.size(); i++) {
            if (key.equals(key(array.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** One difference between two trees. */
    public record Change(String path, String before, String after) {
    }

    /** Structured diff using the same keys as {@link #merge}. */
    public static List<Change> diff(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        diff("", before, after, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a == null || a.isNull() || a.isMissingNode()) {
            if (!(b == null || b.isNull() || b.isMissingNode())) {
                out.add(new Change(path, null, b.toString()));
            }
            return;
        }
        if (b == null || b.isNull() || b.isMissingNode()) {
            out.add(new Change(path, a.toString(), null));
            return;
        }
        if (a instanceof ObjectNode oa && b instanceof ObjectNode ob) {
            java.util.Set<String> names = new java.util.TreeSet<>(oa.propertyNames());
            names.addAll(ob.propertyNames());
            for (String n : names) {
                diff(path.isEmpty() ? n : path + "." + n, oa.get(n), ob.get(n), out);
            }
            return;
        }
        if (a instanceof ArrayNode aa && b instanceof ArrayNode ab && keyed(aa) && keyed(ab) && !aa.isEmpty()
                && !ab.isEmpty()) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            aa.forEach(n -> keys.add(key(n)));
            ab.forEach(n -> keys.add(key(n)));
            for (String k : keys) {
                int i = indexOf(aa, k);
                int j = indexOf(ab, k);
                diff(path + "[" + k + "]", i < 0 ? null : aa.get(i), j < 0 ? null : ab.get(j), out);
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(new Change(path, a.toString(), b.toString()));
        }
    }
}
