package org.xuewei.engine.reference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Writes a {@link Model} as an instance file, optionally shuffling every order the format leaves free. */
public final class ModelJson {
    private ModelJson() {
    }

    public static byte[] write(Model m) {
        return write(m, null);
    }

    /** With a random source: students, schools, groups and object fields in random order, random whitespace. */
    public static byte[] write(Model m, Random shuffle) {
        List<String> top = new ArrayList<>();
        top.add(q("format") + ":" + q("xuewei-allocation/1"));
        top.add(q("mechanism") + ":" + q(m.mechanism()));
        top.add(q("tieBreak") + ":" + q(m.tieBreak()));
        if (m.seed() != null) {
            top.add(q("seed") + ":" + q(m.seed()));
        }
        List<String> schools = new ArrayList<>();
        for (Model.School s : m.schools()) {
            schools.add(object(shuffle, q("id") + ":" + q(s.id()), q("capacity") + ":" + s.capacity()));
        }
        List<String> students = new ArrayList<>();
        for (Model.Student st : m.students()) {
            List<String> choices = new ArrayList<>();
            for (Model.Choice c : st.choices()) {
                List<String> f = new ArrayList<>();
                f.add(q("school") + ":" + q(c.school()));
                f.add(q("tier") + ":" + c.tier());
                if (c.points() != null) {
                    f.add(q("points") + ":" + c.points());
                }
                choices.add(object(shuffle, f.toArray(new String[0])));
            }
            students.add(object(shuffle, q("id") + ":" + q(st.id()), q("choices") + ":[" + String.join(",", choices) + "]"));
        }
        List<String> groups = new ArrayList<>();
        for (List<String> g : m.groups()) {
            List<String> ids = new ArrayList<>();
            for (String id : g) {
                ids.add(q(id));
            }
            if (shuffle != null) {
                Collections.shuffle(ids, shuffle);
            }
            groups.add("[" + String.join(",", ids) + "]");
        }
        if (shuffle != null) {
            Collections.shuffle(schools, shuffle);
            Collections.shuffle(students, shuffle);
            Collections.shuffle(groups, shuffle);
        }
        String sep = shuffle != null && shuffle.nextBoolean() ? ",\n  " : ",";
        top.add(q("schools") + ":[" + String.join(sep, schools) + "]");
        top.add(q("students") + ":[" + String.join(sep, students) + "]");
        if (!m.groups().isEmpty() || (shuffle != null && shuffle.nextBoolean())) {
            top.add(q("groups") + ":[" + String.join(",", groups) + "]");
        }
        if (shuffle != null) {
            Collections.shuffle(top, shuffle);
        }
        return ("{" + String.join(",\n", top) + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String object(Random shuffle, String... fields) {
        List<String> f = new ArrayList<>(List.of(fields));
        if (shuffle != null) {
            Collections.shuffle(f, shuffle);
        }
        return "{" + String.join(shuffle != null && shuffle.nextInt(4) == 0 ? ", " : ",", f) + "}";
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }
}
