package org.xuewei.platform.registry.exchange;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code items} of a batch answer as received: each answer parsed, and where its JSON text lies in the bytes, so
 * that its SHA-256 is taken over the bytes the exchange sent (once, when the answer is kept) instead of over the answer
 * written out again as JSON (≈ 3 % of the platform's CPU in a check + submit load run).
 */
final class BatchAnswers {

    /** Reads one item and leaves the parser on its last token (the rest of the batch follows it). */
    private static final ObjectReader ITEM = ExchangeClient.JSON.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final byte[] body;
    private final List<JsonNode> items;
    /** Each item's first byte and the byte after its last; -1 when an item is not an object (hashed as rewritten). */
    private final int[] from;
    private final int[] to;

    private BatchAnswers(byte[] body, List<JsonNode> items, int[] from, int[] to) {
        this.body = body;
        this.items = items;
        this.from = from;
        this.to = to;
    }

    /** Reads a batch answer ({@code {"items":[...], ...}}); a body without items has none. */
    static BatchAnswers read(byte[] body) {
        List<JsonNode> items = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        try (JsonParser p = ExchangeClient.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a batch answer is a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"items".equals(name) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    boolean object = p.currentToken() == JsonToken.START_OBJECT;
                    long start = p.currentTokenLocation().getByteOffset();
                    JsonNode item = ITEM.readTree(p);
                    long end = p.currentTokenLocation().getByteOffset() + 1;
                    items.add(item);
                    ranges.add(object && start >= 0 && end > start && end <= body.length
                            ? new int[]{(int) start, (int) end} : new int[]{-1, -1});
                }
            }
        }
        int[] from = new int[ranges.size()];
        int[] to = new int[ranges.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = ranges.get(i)[0];
            to[i] = ranges.get(i)[1];
        }
        return new BatchAnswers(body, List.copyOf(items), from, to);
    }

    int size() {
        return items.size();
    }

    /** The answer at this index, or a missing node (as {@link JsonNode#path(int)}). */
    JsonNode get(int index) {
        return index >= 0 && index < items.size() ? items.get(index) : MissingNode.getInstance();
    }

    /** The SHA-256 of the answer at this index: of its bytes as received. */
    String sha256(int index) {
        return from[index] < 0 ? ExchangeClient.sha256(items.get(index))
                : ExchangeClient.sha256(body, from[index], to[index] - from[index]);
    }
}
