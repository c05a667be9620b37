package org.xuewei.engine.io;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import org.xuewei.engine.InvalidInputException;

/** Shared Jackson streaming setup: strict (duplicate keys refused), never closing our streams. */
final class Json {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private Json() {
    }

    static InvalidInputException invalid(String file, JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new InvalidInputException(file + ": invalid JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    static String string(JsonParser p, String field) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(field + ": must be a string, got " + describe(t));
        }
        return p.getString();
    }

    static long integer(JsonParser p, String field) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidInputException(field + ": must be an integer, got " + describe(t)
                    + (t == JsonToken.VALUE_NUMBER_FLOAT ? " " + p.getText() : ""));
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InvalidInputException(field + ": integer too large: " + p.getText());
        }
        return p.getLongValue();
    }

    static void expect(JsonParser p, JsonToken expected, String field) {
        if (p.currentToken() != expected) {
            throw new InvalidInputException(field + ": must be " + (expected == JsonToken.START_ARRAY ? "an array"
                    : "an object") + ", got " + describe(p.currentToken()));
        }
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "end of file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
