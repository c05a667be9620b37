package org.xuewei.engine.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import org.xuewei.engine.InvalidInputException;

/** Streams a result file ({@code xuewei-allocation-result/1}) into arrays, checking its shape. */
public final class ResultReader {
    private ResultReader() {
    }

    /** A result file's content; {@code choices[k]} is 0 where the file has null. */
    public record Result(String inputSha256, String seed, String[] students, String[] schools, int[] choices,
                         String resultSha256) {
        public int size() {
            return students.length;
        }
    }

    public static Result read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = Json.FACTORY.createParser(ObjectReadContext.empty(), in)) {
            return parse(p);
        } catch (JacksonException e) {
            throw Json.invalid(file.toString(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
    }

    private static Result parse(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException("result: must be one JSON object");
        }
        String format = null;
        String input = null;
        String seed = null;
        String digest = null;
        String[] students = null;
        String[] schools = null;
        int[] choices = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            Json.once(seen, name, "result: ");
            switch (name) {
                case "format" -> format = Json.string(p, "result format");
                case "inputSha256" -> input = Json.string(p, "result inputSha256");
                case "seed" -> seed = Json.string(p, "result seed");
                case "resultSha256" -> digest = Json.string(p, "result resultSha256");
                case "assignments" -> {
                    Json.expect(p, JsonToken.START_ARRAY, "result assignments");
                    int n = 0;
                    students = new String[1024];
                    schools = new String[1024];
                    choices = new int[1024];
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (n == students.length) {
                            students = Arrays.copyOf(students, n * 2);
                            schools = Arrays.copyOf(schools, n * 2);
                            choices = Arrays.copyOf(choices, n * 2);
                        }
                        readAssignment(p, n, students, schools, choices);
                        n++;
                    }
                    students = Arrays.copyOf(students, n);
                    schools = Arrays.copyOf(schools, n);
                    choices = Arrays.copyOf(choices, n);
                }
                default -> throw new InvalidInputException("result: " + org.xuewei.engine.Ids.quote(name)
                        + ": unknown field");
            }
        }
        if (p.nextToken() != null) {
            throw new InvalidInputException("result: unexpected content after the result object");
        }
        if (!ResultWriter.FORMAT.equals(format)) {
            throw new InvalidInputException("result format: expected \"" + ResultWriter.FORMAT + "\", got "
                    + org.xuewei.engine.Ids.quote(format));
        }
        if (input == null || seed == null || digest == null || students == null) {
            throw new InvalidInputException("result: missing "
                    + (input == null ? "inputSha256" : seed == null ? "seed" : digest == null ? "resultSha256"
                    : "assignments"));
        }
        return new Result(input, seed, students, schools, choices, digest);
    }

    private static void readAssignment(JsonParser p, int n, String[] students, String[] schools, int[] choices) {
        String where = "result assignments[" + (n + 1) + "]";
        Json.expect(p, JsonToken.START_OBJECT, where);
        boolean hasChoice = false;
        boolean hasSchool = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "student" -> {
                    Json.once(students[n] != null, () -> where + ".student");
                    students[n] = Json.string(p, where + ".student");
                }
                case "school" -> {
                    Json.once(hasSchool, () -> where + ".school");
                    schools[n] = t == JsonToken.VALUE_NULL ? null : Json.string(p, where + ".school");
                    hasSchool = true;
                }
                case "choice" -> {
                    Json.once(hasChoice, () -> where + ".choice");
                    long c = t == JsonToken.VALUE_NULL ? 0 : Json.integer(p, where + ".choice");
                    if (c < 0 || c > Integer.MAX_VALUE || (t != JsonToken.VALUE_NULL && c == 0)) {
                        throw new InvalidInputException(where + ".choice: must be a position from 1, got " + c);
                    }
                    choices[n] = (int) c;
                    hasChoice = true;
                }
                default -> throw new InvalidInputException(where + ": " + org.xuewei.engine.Ids.quote(name)
                        + ": unknown field");
            }
        }
        if (students[n] == null || !hasSchool || !hasChoice) {
            throw new InvalidInputException(where + ": needs student, school and choice");
        }
    }
}
