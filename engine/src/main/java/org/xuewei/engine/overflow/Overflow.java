package org.xuewei.engine.overflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.xuewei.engine.Allocation;
import org.xuewei.engine.Engine;
import org.xuewei.engine.Instance;
import org.xuewei.engine.InstanceBuilder;
import org.xuewei.engine.InstanceBuilder.Choice;
import org.xuewei.engine.InvalidInputException;
import org.xuewei.engine.Mechanism;
import org.xuewei.engine.TieBreak;

/**
 * 统筹 — places unplaced students at the nearest schools that still have seats. Each student's list is
 * the schools with free seats, nearest first (geodesic distance on WGS-84, {@link Geodesic}; equal
 * distances by school id), cut after {@code maxSchools} schools and beyond {@code maxDistanceMeters};
 * then one student-proposing deferred-acceptance round runs on these lists with the students'
 * priorities (tier, points, lottery key). So nobody loses a nearer seat to a lower-priority student.
 * Bound groups (twins) use the first member's location and go together or not at all.
 */
public final class Overflow {
    private Overflow() {
    }

    /** How far the lists go. */
    public record Options(int maxSchools, double maxDistanceMeters) {
        public Options {
            if (maxSchools < 1) {
                throw new IllegalArgumentException("maxSchools must be at least 1");
            }
        }

        public static Options nearest(int maxSchools) {
            return new Options(maxSchools, Double.POSITIVE_INFINITY);
        }
    }

    /** Places the students; the result is sorted by student id. */
    public static List<OverflowPlacement> place(List<OverflowStudent> students, List<OverflowSchool> schools,
                                                List<List<String>> groups, byte[] seed, Options options) {
        Map<String, OverflowStudent> byId = new HashMap<>();
        for (OverflowStudent s : students) {
            if (byId.put(s.id(), s) != null) {
                throw new InvalidInputException("student " + s.id() + ": id: duplicate student id");
            }
        }
        Map<String, String> locatedLike = new HashMap<>();
        for (List<String> g : groups) {
            for (String id : g) {
                locatedLike.put(id, g.get(0));
            }
        }
        List<OverflowSchool> open = new ArrayList<>();
        for (OverflowSchool s : schools) {
            if (s.freeSeats() < 0) {
                throw new InvalidInputException("school " + s.id() + ": freeSeats: must be ≥ 0");
            }
            if (s.freeSeats() > 0) {
                open.add(s);
            }
        }
        int[][] lists = new int[students.size()][];
        double[][] distances = new double[students.size()][];
        IntStream.range(0, students.size()).parallel().forEach(i -> {
            OverflowStudent home = byId.get(locatedLike.getOrDefault(students.get(i).id(), students.get(i).id()));
            if (home == null) {
                throw new InvalidInputException("groups: unknown student " + locatedLike.get(students.get(i).id()));
            }
            Nearest n = nearest(home, open, options);
            lists[i] = n.schools;
            distances[i] = n.meters;
        });
        InstanceBuilder b = new InstanceBuilder().format(Instance.FORMAT)
                .mechanism(Mechanism.DEFERRED_ACCEPTANCE).tieBreak(TieBreak.SINGLE);
        for (OverflowSchool s : open) {
            b.school(s.id(), s.freeSeats());
        }
        for (int i = 0; i < students.size(); i++) {
            OverflowStudent st = students.get(i);
            List<Choice> choices = new ArrayList<>(lists[i].length);
            for (int s : lists[i]) {
                choices.add(Choice.of(open.get(s).id(), st.tier(), st.points()));
            }
            b.student(st.id(), choices);
        }
        groups.forEach(b::group);
        Instance inst = b.build();
        Allocation a = Engine.allocate(inst, seed);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < students.size(); i++) {
            index.put(students.get(i).id(), i);
        }
        List<OverflowPlacement> out = new ArrayList<>(students.size());
        for (int k = 0; k < inst.studentCount(); k++) {
            int st = inst.studentByIdOrder(k);
            int c = a.choiceOf(st);
            int i = index.get(inst.studentId(st));
            out.add(c == 0 ? new OverflowPlacement(inst.studentId(st), null, 0, Double.NaN)
                    : new OverflowPlacement(inst.studentId(st), a.schoolIdOf(st), c, distances[i][c - 1]));
        }
        return out;
    }

    private record Nearest(int[] schools, double[] meters) {
    }

    /**
     * The nearest schools by geodesic distance. Candidates are first chosen by the spherical distance
     * (which is within 0.6% of the geodesic one), with a 2% margin, so the exact ordering is computed
     * only for a few schools and is still exact.
     */
    private static Nearest nearest(OverflowStudent st, List<OverflowSchool> open, Options options) {
        int m = open.size();
        double[] approx = new double[m];
        for (int s = 0; s < m; s++) {
            approx[s] = Geodesic.greatCircle(st.latitude(), st.longitude(), open.get(s).latitude(), open.get(s).longitude());
        }
        double bound = options.maxDistanceMeters() * 1.02 + 1;
        if (m > options.maxSchools()) {
            double[] sorted = approx.clone();
            Arrays.sort(sorted);
            bound = Math.min(bound, sorted[options.maxSchools() - 1] * 1.02 + 1);
        }
        List<double[]> candidates = new ArrayList<>();
        for (int s = 0; s < m; s++) {
            if (approx[s] <= bound) {
                double d = Geodesic.distance(st.latitude(), st.longitude(), open.get(s).latitude(), open.get(s).longitude());
                if (d <= options.maxDistanceMeters()) {
                    candidates.add(new double[] {d, s});
                }
            }
        }
        candidates.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0])
                : open.get((int) x[1]).id().compareTo(open.get((int) y[1]).id()));
        int k = Math.min(options.maxSchools(), candidates.size());
        int[] schools = new int[k];
        double[] meters = new double[k];
        for (int j = 0; j < k; j++) {
            meters[j] = candidates.get(j)[0];
            schools[j] = (int) candidates.get(j)[1];
        }
        return new Nearest(schools, meters);
    }
}
