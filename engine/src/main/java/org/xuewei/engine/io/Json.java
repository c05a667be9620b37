package org.xuewei.engine.io;

import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import org.xuewei.engine.InvalidInputException;

/** Shared Jackson streaming setup: strict (duplicate keys refused), never closing our streams. */
final class Json {
    /** Duplicate keys are refused by the readers themselves (cheaper than Jackson's generic detector). */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private Json() {
    }

    static InvalidInputException invalid(String file, JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new InvalidInputException(file + ": invalid JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    /** Refuses a key given twice in one object: {@code seen} collects the keys met so far. */
    static void once(java.util.Set<String> seen, String name, String where) {
        if (!seen.add(name)) {
            throw new InvalidInputException(where + org.xuewei.engine.Ids.quote(name) + ": given twice");
        }
    }

    static void once(boolean already, Supplier<String> field) {
        if (already) {
            throw new InvalidInputException(field.get() + ": given twice");
        }
    }

    static String string(JsonParser p, String field) {
        return string(p, () -> field);
    }

    /** The current string value; {@code field} names it in an error message only. */
    static String string(JsonParser p, Supplier<String> field) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(field.get() + ": must be a string, got " + describe(t));
        }
        return p.getString();
    }

    static long integer(JsonParser p, String field) {
        return integer(p, () -> field);
    }

    static long integer(JsonParser p, Supplier<String> field) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidInputException(field.get() + ": must be an integer, got " + describe(t)
                    + (t == JsonToken.VALUE_NUMBER_FLOAT ? " " + p.getText() : ""));
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InvalidInputException(field.get() + ": integer too large: " + p.getText());
        }
        return p.getLongValue();
    }

    static void expect(JsonParser p, JsonToken expected, String field) {
        expect(p, expected, () -> field);
    }

    static void expect(JsonParser p, JsonToken expected, Supplier<String> field) {
        if (p.currentToken() != expected) {
            throw new InvalidInputException(field.get() + ": must be " + (expected == JsonToken.START_ARRAY ? "an array"
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
