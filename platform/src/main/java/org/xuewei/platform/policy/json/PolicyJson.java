package org.xuewei.platform.policy.json;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyProblem;
import org.xuewei.platform.policy.PolicyValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Policies as JSON (Jackson 3): read, write, canonical hash. Unknown properties are refused. */
public final class PolicyJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PolicyJson() {
    }

    public static JsonNode readTree(InputStream in) {
        try {
            return MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new PolicyValidationException(List.of(PolicyProblem.at("(json)", "JSON 格式错误：" + e.getOriginalMessage())));
        }
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new PolicyValidationException(List.of(PolicyProblem.at("(json)", "JSON 格式错误：" + e.getOriginalMessage())));
        }
    }

    public static Policy toPolicy(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, Policy.class);
        } catch (JacksonException e) {
            throw new PolicyValidationException(List.of(PolicyProblem.at(e.getPathReference(), "无法读取：" + e.getOriginalMessage())));
        }
    }

    public static ObjectNode toTree(Policy policy) {
        return MAPPER.valueToTree(policy);
    }

    public static String write(Policy policy) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
    }

    public static Policy read(String json) {
        return toPolicy(readTree(json));
    }

    /** SHA-256 of the canonical JSON (sorted properties): equal content, equal hash. */
    public static String hash(Policy policy) {
        try {
            byte[] bytes = MAPPER.writeValueAsString(policy).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
