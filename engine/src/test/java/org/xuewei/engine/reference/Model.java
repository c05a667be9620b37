package org.xuewei.engine.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A test-side instance as plain objects, straight from docs/lottery.md §1. */
public record Model(String mechanism, String tieBreak, String seed, List<School> schools, List<Student> students,
                    List<List<String>> groups) {

    public record School(String id, int capacity) {
    }

    /** {@code points} is the exact JSON number text, or null for "absent" (= 0). */
    public record Choice(String school, int tier, String points) {
        public BigDecimal pointsValue() {
            return points == null ? BigDecimal.ZERO : new BigDecimal(points);
        }
    }

    public record Student(String id, List<Choice> choices) {
    }

    public Student student(String id) {
        for (Student s : students) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    public School school(String id) {
        for (School s : schools) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    public Model withSchools(List<School> newSchools) {
        return new Model(mechanism, tieBreak, seed, newSchools, students, groups);
    }

    public Model withStudents(List<Student> newStudents) {
        return new Model(mechanism, tieBreak, seed, schools, newStudents, groups);
    }

    public Model withMechanism(String m) {
        return new Model(m, tieBreak, seed, schools, students, groups);
    }

    public Model withGroups(List<List<String>> g) {
        return new Model(mechanism, tieBreak, seed, schools, students, g);
    }

    /** Fluent construction for hand-written examples. */
    public static final class Builder {
        private final String mechanism;
        private final String tieBreak;
        private final String seed;
        private final List<School> schools = new ArrayList<>();
        private final List<Student> students = new ArrayList<>();
        private final List<List<String>> groups = new ArrayList<>();

        public Builder(String mechanism, String tieBreak, String seed) {
            this.mechanism = mechanism;
            this.tieBreak = tieBreak;
            this.seed = seed;
        }

        public Builder school(String id, int capacity) {
            schools.add(new School(id, capacity));
            return this;
        }

        public Builder student(String id, Choice... choices) {
            students.add(new Student(id, List.of(choices)));
            return this;
        }

        public Builder group(String... ids) {
            groups.add(List.of(ids));
            return this;
        }

        public Model build() {
            return new Model(mechanism, tieBreak, seed, List.copyOf(schools), List.copyOf(students), List.copyOf(groups));
        }
    }

    public static Choice c(String school, int tier) {
        return new Choice(school, tier, null);
    }

    public static Choice c(String school, int tier, String points) {
        return new Choice(school, tier, points);
    }
}
