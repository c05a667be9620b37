package org.xuewei.engine.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random small instances for properties. */
public final class Models {
    private static final String[] POINTS = {null, null, null, "0", "1.5", "1.50", "2", "-1", "0.25", "1e0", "15E-1"};

    private Models() {
    }

    /** Parameters of a random model. */
    public record Shape(int maxSchools, int maxCapacity, int maxStudents, int tiers, boolean points, boolean groups,
                        String mechanism, String tieBreak) {
        public static Shape small() {
            return new Shape(5, 3, 12, 3, true, true, null, null);
        }

        public Shape mechanism(String m) {
            return new Shape(maxSchools, maxCapacity, maxStudents, tiers, points, groups, m, tieBreak);
        }

        public Shape tieBreak(String t) {
            return new Shape(maxSchools, maxCapacity, maxStudents, tiers, points, groups, mechanism, t);
        }

        public Shape noGroups() {
            return new Shape(maxSchools, maxCapacity, maxStudents, tiers, points, false, mechanism, tieBreak);
        }

        public Shape noPoints() {
            return new Shape(maxSchools, maxCapacity, maxStudents, tiers, false, groups, mechanism, tieBreak);
        }

        public Shape tiers(int t) {
            return new Shape(maxSchools, maxCapacity, maxStudents, t, points, groups, mechanism, tieBreak);
        }

        public Shape size(int schools, int capacity, int students) {
            return new Shape(schools, capacity, students, tiers, points, groups, mechanism, tieBreak);
        }
    }

    public static Arbitrary<Model> models(Shape shape) {
        return Arbitraries.randomValue(r -> random(r, shape));
    }

    public static Model random(Random r, Shape shape) {
        String mechanism = shape.mechanism() != null ? shape.mechanism()
                : r.nextBoolean() ? "deferred-acceptance" : "immediate-acceptance";
        String tieBreak = shape.tieBreak() != null ? shape.tieBreak() : r.nextBoolean() ? "single" : "multiple";
        byte[] seed = new byte[32];
        r.nextBytes(seed);
        int schoolCount = 1 + r.nextInt(shape.maxSchools());
        List<Model.School> schools = new ArrayList<>();
        for (int s = 0; s < schoolCount; s++) {
            schools.add(new Model.School(r.nextInt(4) == 0 ? "s_" + s : "S" + s, r.nextInt(shape.maxCapacity() + 1)));
        }
        int n = r.nextInt(shape.maxStudents() + 1);
        List<Model.Student> students = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        int i = 0;
        while (i < n) {
            List<Model.School> order = new ArrayList<>(schools);
            Collections.shuffle(order, r);
            int count = r.nextInt(schoolCount + 1);
            List<Model.Choice> choices = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                String pts = shape.points() ? POINTS[r.nextInt(POINTS.length)] : null;
                choices.add(new Model.Choice(order.get(k).id(), r.nextInt(shape.tiers()), pts));
            }
            int size = shape.groups() && r.nextInt(5) == 0 ? 2 + r.nextInt(2) : 1;
            size = Math.min(size, n - i);
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                String id = (r.nextInt(3) == 0 ? "b-" : "A") + (i + k);
                ids.add(id);
                students.add(new Model.Student(id, choices));
            }
            if (size > 1) {
                groups.add(ids);
            }
            i += size;
        }
        return new Model(mechanism, tieBreak, HexFormat.of().formatHex(seed), schools, students, groups);
    }
}
