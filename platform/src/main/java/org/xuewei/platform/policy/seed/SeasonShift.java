package org.xuewei.platform.policy.seed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Pattern;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.json.PolicyJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A policy moved to another season by whole years: every date and date-time (window, cut-offs, calendar) keeps
 * its day of the year, the season number follows, and the year in the id, name and {@code basedOn} is replaced
 * ({@code nanchang-urban-2025} → {@code nanchang-urban-2027}).
 */
public final class SeasonShift {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private SeasonShift() {
    }

    public static Policy to(Policy policy, int season) {
        int years = season - policy.season();
        if (years == 0) {
            return policy;
        }
        ObjectNode tree = PolicyJson.toTree(policy);
        shiftDates(tree, years);
        String from = Integer.toString(policy.season());
        String to = Integer.toString(season);
        for (String field : new String[] {"id", "name", "basedOn"}) {
            JsonNode value = tree.get(field);
            if (value != null && value.isString()) {
                tree.put(field, value.asString().replace(from, to));
            }
        }
        tree.put("season", season);
        return PolicyJson.toPolicy(tree);
    }

    /** The id a shipped policy gets in a season: its year replaced. */
    public static String idIn(String shippedId, int shippedSeason, int season) {
        return shippedId.replace(Integer.toString(shippedSeason), Integer.toString(season));
    }

    private static void shiftDates(JsonNode node, int years) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                JsonNode shifted = shifted(e.getValue(), years);
                if (shifted != null) {
                    object.set(e.getKey(), shifted);
                } else {
                    shiftDates(e.getValue(), years);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode shifted = shifted(array.get(i), years);
                if (shifted != null) {
                    array.set(i, shifted);
                } else {
                    shiftDates(array.get(i), years);
                }
            }
        }
    }

    private static JsonNode shifted(JsonNode value, int years) {
        if (!value.isString()) {
            return null;
        }
        String s = value.asString();
        if (DATE.matcher(s).matches()) {
            return StringNode.valueOf(LocalDate.parse(s).plusYears(years).toString());
        }
        if (DATE_TIME.matcher(s).matches()) {
            return StringNode.valueOf(LocalDateTime.parse(s).plusYears(years).toString());
        }
        return null;
    }
}
