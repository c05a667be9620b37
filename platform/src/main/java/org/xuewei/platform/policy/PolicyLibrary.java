package org.xuewei.platform.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xuewei.platform.policy.json.PolicyJson;
import org.xuewei.platform.policy.json.TreeMerge;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policy documents and their resolution ("1+N"). A document is either a full policy (a city default) or an
 * override: {@code {"id", "extends", "name", "district", "example"?, "override": {…partial policy…}}}. Resolving
 * an override merges it onto its (resolved) base — see {@link TreeMerge} — and records {@code basedOn}.
 */
public final class PolicyLibrary {

    /** The policies shipped with the platform, listed in {@code policy/shipped/index.json}. */
    public static final String SHIPPED_INDEX = "policy/shipped/index.json";

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    public static PolicyLibrary shipped() {
        PolicyLibrary library = new PolicyLibrary();
        JsonNode index = PolicyJson.readTree(resource(SHIPPED_INDEX));
        for (JsonNode file : index.path("files")) {
            library.add(PolicyJson.readTree(resource("policy/shipped/" + file.asString())));
        }
        return library;
    }

    private static InputStream resource(String path) {
        InputStream in = PolicyLibrary.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource " + path));
        }
        return in;
    }

    /** Add (or replace) a document, e.g. a district's edited draft read from the database. */
    public PolicyLibrary add(JsonNode document) {
        String id = document.path("id").asString("");
        if (id.isEmpty()) {
            throw new PolicyValidationException(List.of(PolicyProblem.at("id", "文档缺少编号")));
        }
        documents.put(id, document);
        return this;
    }

    public PolicyLibrary add(String json) {
        return add(PolicyJson.readTree(json));
    }

    public Set<String> ids() {
        return documents.keySet();
    }

    public JsonNode document(String id) {
        JsonNode d = documents.get(id);
        if (d == null) {
            throw new PolicyValidationException(List.of(PolicyProblem.at("extends", "找不到政策 " + id)));
        }
        return d;
    }

    /** The resolved policy (overrides applied). */
    public Policy resolve(String id) {
        return PolicyJson.toPolicy(resolvedTree(id, 0));
    }

    private JsonNode resolvedTree(String id, int depth) {
        if (depth > 5) {
            throw new PolicyValidationException(List.of(PolicyProblem.at("extends", "政策继承层级过深或存在循环：" + id)));
        }
        JsonNode doc = document(id);
        if (!doc.has("extends")) {
            return doc;
        }
        String base = doc.get("extends").asString();
        ObjectNode merged = (ObjectNode) TreeMerge.merge(resolvedTree(base, depth + 1), doc.path("override"));
        merged.put("id", id);
        merged.put("basedOn", base);
        for (String f : List.of("name", "district", "example")) {
            if (doc.has(f)) {
                merged.set(f, doc.get(f));
            }
        }
        return merged;
    }

    /** What a district changed against the policy it is based on. */
    public List<PolicyChange> changesAgainstBase(String id) {
        Policy p = resolve(id);
        if (p.basedOn() == null) {
            return List.of();
        }
        return PolicyChange.between(resolve(p.basedOn()), p);
    }
}
