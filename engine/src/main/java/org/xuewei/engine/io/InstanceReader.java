package org.xuewei.engine.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import org.xuewei.engine.Hex;
import org.xuewei.engine.Instance;
import org.xuewei.engine.InstanceBuilder;
import org.xuewei.engine.InstanceBuilder.Choice;
import org.xuewei.engine.InvalidInputException;
import org.xuewei.engine.Sha256;

/**
 * Streams an instance file ({@code xuewei-allocation/1}) into an {@link Instance} while computing
 * the SHA-256 of its bytes ({@code inputSha256}); the JSON text is never held as one string.
 * Unknown fields are refused, so a misspelt "point" cannot silently count as 0.
 */
public final class InstanceReader {
    private InstanceReader() {
    }

    /** An instance and the SHA-256 of the file it was read from. */
    public record Read(Instance instance, String inputSha256) {
    }

    public static Read read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
    }

    public static Read read(InputStream raw, String name) throws IOException {
        MessageDigest md = Sha256.newDigest();
        DigestInputStream in = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), md);
        Instance instance;
        try (JsonParser p = Json.FACTORY.createParser(ObjectReadContext.empty(), in)) {
            instance = parse(p);
        } catch (JacksonException e) {
            throw Json.invalid(name, e);
        }
        in.transferTo(java.io.OutputStream.nullOutputStream());
        return new Read(instance, Hex.of(md.digest()));
    }

    private static Instance parse(JsonParser p) {
        InstanceBuilder b = new InstanceBuilder();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException("the instance must be one JSON object, got " + Json.describe(p.currentToken()));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            Json.once(seen, name, "");
            switch (name) {
                case "format" -> b.format(Json.string(p, "format"));
                case "mechanism" -> b.mechanism(Json.string(p, "mechanism"));
                case "tieBreak" -> b.tieBreak(Json.string(p, "tieBreak"));
                case "seed" -> {
                    if (p.currentToken() != JsonToken.VALUE_NULL) {
                        b.seed(Json.string(p, "seed"));
                    }
                }
                case "schools" -> readSchools(p, b);
                case "students" -> readStudents(p, b);
                case "groups" -> readGroups(p, b);
                default -> throw new InvalidInputException(Ids2.field(name) + ": unknown field");
            }
        }
        if (p.nextToken() != null) {
            throw new InvalidInputException("unexpected content after the instance object");
        }
        return b.build();
    }

    private static void readSchools(JsonParser p, InstanceBuilder b) {
        Json.expect(p, JsonToken.START_ARRAY, "schools");
        int k = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            k++;
            String where = "schools[" + k + "]";
            Json.expect(p, JsonToken.START_OBJECT, where);
            String id = null;
            Long capacity = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                String who = id != null ? "school " + id : where;
                switch (name) {
                    case "id" -> {
                        Json.once(id != null, () -> who + ": id");
                        id = Json.string(p, where + ".id");
                    }
                    case "capacity" -> {
                        Json.once(capacity != null, () -> who + ": capacity");
                        capacity = Json.integer(p, who + ": capacity");
                    }
                    default -> throw new InvalidInputException(who + ": " + Ids2.field(name) + ": unknown field");
                }
            }
            if (id == null) {
                throw new InvalidInputException(where + ".id: missing");
            }
            if (capacity == null) {
                throw new InvalidInputException("school " + id + ": capacity: missing");
            }
            b.school(id, capacity);
        }
    }

    private static String who(String id, int k) {
        return id != null ? "student " + id : "students[" + k + "]";
    }

    private static void readStudents(JsonParser p, InstanceBuilder b) {
        Json.expect(p, JsonToken.START_ARRAY, "students");
        int k = 0;
        List<Choice> choices = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            k++;
            final int index = k;
            Json.expect(p, JsonToken.START_OBJECT, () -> "students[" + index + "]");
            String id = null;
            boolean hasChoices = false;
            choices.clear();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                final String known = id;
                switch (name) {
                    case "id" -> {
                        Json.once(id != null, () -> who(known, index) + ": id");
                        id = Json.string(p, () -> "students[" + index + "].id");
                    }
                    case "choices" -> {
                        Json.once(hasChoices, () -> who(known, index) + ": choices");
                        readChoices(p, known, index, choices);
                        hasChoices = true;
                    }
                    default -> throw new InvalidInputException(who(known, index) + ": " + Ids2.field(name)
                            + ": unknown field");
                }
            }
            if (id == null) {
                throw new InvalidInputException("students[" + k + "].id: missing");
            }
            if (!hasChoices) {
                throw new InvalidInputException("student " + id + ": choices: missing");
            }
            b.student(id, choices);
        }
    }

    private static void readChoices(JsonParser p, String id, int k, List<Choice> out) {
        Json.expect(p, JsonToken.START_ARRAY, () -> who(id, k) + ": choices");
        int c = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            c++;
            final int n = c;
            Supplier<String> where = () -> who(id, k) + ": choices[" + n + "]";
            Json.expect(p, JsonToken.START_OBJECT, where);
            String school = null;
            long tier = -1;
            boolean hasTier = false;
            String points = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "school" -> {
                        Json.once(school != null, () -> where.get() + ".school");
                        school = Json.string(p, () -> where.get() + ".school");
                    }
                    case "tier" -> {
                        Json.once(hasTier, () -> where.get() + ".tier");
                        tier = Json.integer(p, () -> where.get() + ".tier");
                        hasTier = true;
                    }
                    case "points" -> {
                        Json.once(points != null, () -> where.get() + ".points");
                        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                            throw new InvalidInputException(where.get() + ".points: must be a number, got "
                                    + Json.describe(t));
                        }
                        points = p.getText();
                    }
                    default -> throw new InvalidInputException(where.get() + "." + Ids2.field(name) + ": unknown field");
                }
            }
            if (school == null) {
                throw new InvalidInputException(where.get() + ".school: missing");
            }
            if (!hasTier) {
                throw new InvalidInputException(where.get() + ".tier: missing");
            }
            out.add(new Choice(school, tier, null, points));
        }
    }

    private static void readGroups(JsonParser p, InstanceBuilder b) {
        Json.expect(p, JsonToken.START_ARRAY, "groups");
        int g = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            g++;
            String where = "groups[" + g + "]";
            Json.expect(p, JsonToken.START_ARRAY, where);
            List<String> members = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                members.add(Json.string(p, where + "[" + (members.size() + 1) + "]"));
            }
            b.group(members);
        }
    }

    /** Field names quoted safely for messages. */
    private static final class Ids2 {
        static String field(String name) {
            return org.xuewei.engine.Ids.quote(name);
        }
    }
}
