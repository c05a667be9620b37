package org.xuewei.engine.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.xuewei.engine.Instance;
import org.xuewei.engine.InstanceBuilder;
import org.xuewei.engine.InstanceBuilder.Choice;
import org.xuewei.engine.Sha256;

/**
 * Generates a synthetic city: schools on a line with uneven popularity and capacities summing to
 * about 90% of the students, students choosing mostly nearby schools, tiers 0–3, points on about a
 * third of the choices (one decimal place), and about 1% twins bound in groups. Fully determined
 * by its parameters.
 */
public final class InstanceGenerator {
    /** Receives the generated instance, school by school and student by student. */
    public interface Sink {
        void header(String mechanism, String tieBreak, String seedHex);

        void school(String id, int capacity);

        void student(String id, List<Choice> choices);

        void group(List<String> members);
    }

    /** Parameters; {@code genSeed} makes a different city of the same size. */
    public record Spec(int students, int schools, int choices, String mechanism, String tieBreak, long genSeed) {
        public static Spec of(int students, int schools, int choices) {
            return new Spec(students, schools, choices, "deferred-acceptance", "single", 1);
        }
    }

    private InstanceGenerator() {
    }

    /** Builds the instance in memory. */
    public static Instance build(Spec spec) {
        InstanceBuilder b = new InstanceBuilder().format(Instance.FORMAT);
        generate(spec, new Sink() {
            @Override
            public void header(String mechanism, String tieBreak, String seedHex) {
                b.mechanism(mechanism).tieBreak(tieBreak).seed(seedHex);
            }

            @Override
            public void school(String id, int capacity) {
                b.school(id, capacity);
            }

            @Override
            public void student(String id, List<Choice> choices) {
                b.student(id, choices);
            }

            @Override
            public void group(List<String> members) {
                b.group(members);
            }
        });
        return b.build();
    }

    public static void generate(Spec spec, Sink sink) {
        if (spec.students() < 0 || spec.schools() < 1 || spec.choices() < 1) {
            throw new IllegalArgumentException("need students >= 0, schools >= 1, choices >= 1");
        }
        SplittableRandom rnd = new SplittableRandom(spec.genSeed());
        int m = spec.schools();
        int c = Math.min(spec.choices(), m);
        sink.header(spec.mechanism(), spec.tieBreak(), Sha256.hexOf("xuewei-generate/1\n" + spec.genSeed()));
        double[] weight = new double[m];
        double total = 0;
        for (int s = 0; s < m; s++) {
            weight[s] = 0.4 + rnd.nextDouble() * 1.6;
            total += weight[s];
        }
        double seats = spec.students() * 0.9;
        for (int s = 0; s < m; s++) {
            int cap = (int) Math.max(1, Math.round(seats / m * (0.5 + rnd.nextDouble())));
            sink.school(schoolId(s, m), cap);
        }
        int width = Math.max(c * 3, m / 20);
        List<Choice> choices = new ArrayList<>(c);
        int[] picked = new int[c];
        int n = spec.students();
        int i = 0;
        while (i < n) {
            choices.clear();
            int home = rnd.nextInt(m);
            int count = 0;
            while (count < c) {
                int s = Math.floorMod(home + (int) Math.round(rnd.nextGaussian() * width / 3.0), m);
                if (rnd.nextDouble() * 2.0 > weight[s] * 1.0 + 0.2) {
                    continue;
                }
                boolean dup = false;
                for (int k = 0; k < count; k++) {
                    dup |= picked[k] == s;
                }
                if (dup) {
                    continue;
                }
                picked[count++] = s;
                int distance = Math.abs(s - home);
                int tier = distance < width / 6 ? rnd.nextInt(2) : 1 + rnd.nextInt(3);
                String points = rnd.nextInt(3) == 0 ? (rnd.nextInt(300) / 10.0) + "" : null;
                choices.add(new Choice(schoolId(s, m), tier, null, points));
            }
            boolean twins = i + 1 < n && rnd.nextInt(200) == 0;
            sink.student(studentId(i, n), choices);
            if (twins) {
                sink.student(studentId(i + 1, n), choices);
                sink.group(List.of(studentId(i, n), studentId(i + 1, n)));
                i++;
            }
            i++;
        }
    }

    static String schoolId(int s, int m) {
        return "S" + pad(s + 1, Integer.toString(m).length());
    }

    static String studentId(int i, int n) {
        return "A" + pad(i + 1, Math.max(4, Integer.toString(n).length()));
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
