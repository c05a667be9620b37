package org.xuewei.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xuewei.engine.core.IntSorts;

/**
 * Builds and validates an {@link Instance}. Schools, students and groups may come in any order
 * (a streaming reader meets them in file order); every check of docs/lottery.md §1 runs here and
 * fails with an {@link InvalidInputException} naming the student or school and the field.
 */
public final class InstanceBuilder {
    private String format;
    private Mechanism mechanism;
    private TieBreak tieBreak;
    private byte[] seed;

    private final Map<String, Integer> schoolIndex = new HashMap<>();
    private String[] schoolIds = new String[64];
    private int[] capacities = new int[64];
    private boolean[] defined = new boolean[64];
    private int[] firstRefStudent = new int[64];
    private int[] firstRefChoice = new int[64];
    private int[] stamp = new int[64];
    private int schoolCount;
    private int definedCount;

    private String[] studentIds = new String[1024];
    private int[] choiceStart = new int[1025];
    private int studentCount;
    private int[] choiceSchool = new int[4096];
    private int[] choiceTier = new int[4096];
    private int[] choicePoints = new int[4096];
    private int applicationCount;

    private final Map<String, Integer> pointsByText = new HashMap<>();
    private final Map<BigDecimal, Integer> pointsByValue = new HashMap<>();
    private final List<BigDecimal> pointsValues = new ArrayList<>();
    private final int zeroPoints;

    private final List<List<String>> groups = new ArrayList<>();

    public InstanceBuilder() {
        zeroPoints = pointsCode(BigDecimal.ZERO);
    }

    public InstanceBuilder format(String value) {
        this.format = value;
        return this;
    }

    public InstanceBuilder mechanism(String wireName) {
        Mechanism m = Mechanism.fromWire(wireName);
        if (m == null) {
            throw new InvalidInputException("mechanism: unknown mechanism " + Ids.quote(wireName)
                    + " (expected \"deferred-acceptance\" or \"immediate-acceptance\")");
        }
        this.mechanism = m;
        return this;
    }

    public InstanceBuilder mechanism(Mechanism m) {
        this.mechanism = m;
        return this;
    }

    public InstanceBuilder tieBreak(String wireName) {
        TieBreak t = TieBreak.fromWire(wireName);
        if (t == null) {
            throw new InvalidInputException("tieBreak: unknown tie-break " + Ids.quote(wireName)
                    + " (expected \"single\" or \"multiple\")");
        }
        this.tieBreak = t;
        return this;
    }

    public InstanceBuilder tieBreak(TieBreak t) {
        this.tieBreak = t;
        return this;
    }

    public InstanceBuilder seed(String hex) {
        if (!Hex.isDigest(hex)) {
            throw new InvalidInputException("seed: must be 64 lowercase hex digits (32 bytes), got " + Ids.quote(hex));
        }
        this.seed = Hex.parseDigest(hex);
        return this;
    }

    /** Declares a school. */
    public InstanceBuilder school(String id, long capacity) {
        String where = "schools[" + (definedCount + 1) + "]";
        if (!Ids.isValid(id)) {
            throw new InvalidInputException(where + ".id: school id " + Ids.quote(id)
                    + " must be 1-64 characters of [A-Za-z0-9_-]");
        }
        if (capacity < 0 || capacity > Integer.MAX_VALUE) {
            throw new InvalidInputException("school " + id + ": capacity: must be an integer from 0 to "
                    + Integer.MAX_VALUE + ", got " + capacity);
        }
        int s = schoolSlot(id);
        if (defined[s]) {
            throw new InvalidInputException("school " + id + ": id: duplicate school id (listed twice in schools)");
        }
        defined[s] = true;
        capacities[s] = (int) capacity;
        definedCount++;
        return this;
    }

    /** Adds a student with choices given as (schoolId, tier, points) in order of preference. */
    public InstanceBuilder student(String id, List<Choice> choices) {
        if (!Ids.isValid(id)) {
            throw new InvalidInputException("students[" + (studentCount + 1) + "].id: student id " + Ids.quote(id)
                    + " must be 1-64 characters of [A-Za-z0-9_-]");
        }
        int i = studentCount;
        if (i == studentIds.length) {
            studentIds = Arrays.copyOf(studentIds, i * 2);
            choiceStart = Arrays.copyOf(choiceStart, i * 2 + 1);
        }
        for (int c = 0; c < choices.size(); c++) {
            Choice ch = choices.get(c);
            final int n = c + 1;
            java.util.function.Supplier<String> field = () -> "student " + id + ": choices[" + n + "]";
            if (ch.school() == null) {
                throw new InvalidInputException(field.get() + ".school: missing");
            }
            if (ch.tier() < 0 || ch.tier() > Integer.MAX_VALUE) {
                throw new InvalidInputException(field.get() + ".tier: must be an integer from 0 to "
                        + Integer.MAX_VALUE + ", got " + ch.tier());
            }
            int s = schoolSlot(ch.school());
            if (stamp[s] == i + 1) {
                throw new InvalidInputException(field.get() + ".school: school " + ch.school() + " listed twice");
            }
            stamp[s] = i + 1;
            if (firstRefStudent[s] < 0) {
                firstRefStudent[s] = i;
                firstRefChoice[s] = c + 1;
            }
            int points = ch.pointsText() != null ? pointsCode(ch.pointsText(), field)
                    : ch.points() != null ? pointsCode(ch.points()) : zeroPoints;
            if (applicationCount == choiceSchool.length) {
                int cap = applicationCount * 2;
                choiceSchool = Arrays.copyOf(choiceSchool, cap);
                choiceTier = Arrays.copyOf(choiceTier, cap);
                choicePoints = Arrays.copyOf(choicePoints, cap);
            }
            choiceSchool[applicationCount] = s;
            choiceTier[applicationCount] = (int) ch.tier();
            choicePoints[applicationCount] = points;
            applicationCount++;
        }
        studentIds[i] = id;
        studentCount++;
        choiceStart[studentCount] = applicationCount;
        return this;
    }

    /** Binds students together (twins and multiples): placed together or not at all. */
    public InstanceBuilder group(List<String> memberIds) {
        groups.add(List.copyOf(memberIds));
        return this;
    }

    private int schoolSlot(String id) {
        Integer known = schoolIndex.get(id);
        if (known != null) {
            return known;
        }
        int s = schoolCount++;
        if (s == schoolIds.length) {
            int cap = s * 2;
            schoolIds = Arrays.copyOf(schoolIds, cap);
            capacities = Arrays.copyOf(capacities, cap);
            defined = Arrays.copyOf(defined, cap);
            firstRefStudent = Arrays.copyOf(firstRefStudent, cap);
            firstRefChoice = Arrays.copyOf(firstRefChoice, cap);
            stamp = Arrays.copyOf(stamp, cap);
        }
        schoolIds[s] = id;
        firstRefStudent[s] = -1;
        schoolIndex.put(id, s);
        return s;
    }

    private int pointsCode(String text, java.util.function.Supplier<String> field) {
        Integer code = pointsByText.get(text);
        if (code != null) {
            return code;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field.get() + ".points: not a decimal number: " + Ids.quote(text));
        }
        int c = pointsCode(value);
        pointsByText.put(text, c);
        return c;
    }

    private int pointsCode(BigDecimal value) {
        Integer code = pointsByValue.get(value);
        if (code != null) {
            return code;
        }
        int c = pointsValues.size();
        pointsValues.add(value);
        pointsByValue.put(value, c);
        return c;
    }

    public Instance build() {
        if (format == null) {
            throw new InvalidInputException("format: missing (expected \"" + Instance.FORMAT + "\")");
        }
        if (!Instance.FORMAT.equals(format)) {
            throw new InvalidInputException("format: expected \"" + Instance.FORMAT + "\", got " + Ids.quote(format));
        }
        if (mechanism == null) {
            throw new InvalidInputException("mechanism: missing");
        }
        if (tieBreak == null) {
            throw new InvalidInputException("tieBreak: missing");
        }
        for (int s = 0; s < schoolCount; s++) {
            if (!defined[s]) {
                int st = firstRefStudent[s];
                throw new InvalidInputException("student " + studentIds[st] + ": choices[" + firstRefChoice[s]
                        + "].school: unknown school " + Ids.quote(schoolIds[s]));
            }
        }
        int[] byId = sortedById();
        int[] levels = pointsLevels();
        BigDecimal[] levelValues = levelValues(levels);
        int[] points = new int[applicationCount];
        for (int a = 0; a < applicationCount; a++) {
            points[a] = levels[choicePoints[a]];
        }
        int[] studentGroup = new int[studentCount];
        Arrays.fill(studentGroup, -1);
        int total = 0;
        for (List<String> g : groups) {
            total += g.size();
        }
        int[] groupStart = new int[groups.size() + 1];
        int[] groupMembers = new int[total];
        int k = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<String> members = groups.get(g);
            if (members.isEmpty()) {
                throw new InvalidInputException("groups[" + (g + 1) + "]: empty group");
            }
            for (int m = 0; m < members.size(); m++) {
                String id = members.get(m);
                int st = indexOf(byId, id);
                if (st < 0) {
                    throw new InvalidInputException("groups[" + (g + 1) + "][" + (m + 1) + "]: unknown student "
                            + Ids.quote(id));
                }
                if (studentGroup[st] >= 0) {
                    throw new InvalidInputException("student " + id + ": groups: in more than one group (groups["
                            + (studentGroup[st] + 1) + "] and groups[" + (g + 1) + "])");
                }
                studentGroup[st] = g;
                groupMembers[k++] = st;
                if (m > 0) {
                    checkSameChoices(groupMembers[groupStart[g]], st, points, g);
                }
            }
            groupStart[g + 1] = k;
        }
        int[] start = Arrays.copyOf(choiceStart, studentCount + 1);
        return new Instance(mechanism, tieBreak, seed, Arrays.copyOf(schoolIds, schoolCount),
                Arrays.copyOf(capacities, schoolCount), Arrays.copyOf(studentIds, studentCount), start,
                Arrays.copyOf(choiceSchool, applicationCount), Arrays.copyOf(choiceTier, applicationCount), points,
                levelValues, groupStart, groupMembers, studentGroup, byId);
    }

    private void checkSameChoices(int first, int other, int[] points, int g) {
        String where = "student " + studentIds[other] + ": choices: group groups[" + (g + 1) + "] member";
        int n = choiceStart[first + 1] - choiceStart[first];
        if (choiceStart[other + 1] - choiceStart[other] != n) {
            throw new InvalidInputException(where + " lists " + (choiceStart[other + 1] - choiceStart[other])
                    + " schools but " + studentIds[first] + " lists " + n);
        }
        for (int c = 0; c < n; c++) {
            int a = choiceStart[first] + c;
            int b = choiceStart[other] + c;
            String field = null;
            if (choiceSchool[a] != choiceSchool[b]) {
                field = "school";
            } else if (choiceTier[a] != choiceTier[b]) {
                field = "tier";
            } else if (points[a] != points[b]) {
                field = "points";
            }
            if (field != null) {
                throw new InvalidInputException("student " + studentIds[other] + ": choices[" + (c + 1) + "]."
                        + field + ": differs from group member " + studentIds[first] + " (groups[" + (g + 1)
                        + "] must list the same schools in the same order with the same tier and points)");
            }
        }
    }

    private int[] sortedById() {
        int[] order = new int[studentCount];
        for (int i = 0; i < studentCount; i++) {
            order[i] = i;
        }
        String[] ids = studentIds;
        IntSorts.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        for (int p = 1; p < studentCount; p++) {
            if (ids[order[p - 1]].equals(ids[order[p]])) {
                throw new InvalidInputException("student " + ids[order[p]] + ": id: duplicate student id (students["
                        + (Math.min(order[p - 1], order[p]) + 1) + "] and students["
                        + (Math.max(order[p - 1], order[p]) + 1) + "])");
            }
        }
        return order;
    }

    private int indexOf(int[] byId, String id) {
        int lo = 0;
        int hi = byId.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = studentIds[byId[mid]].compareTo(id);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return byId[mid];
            }
        }
        return -1;
    }

    /** Maps each points code to its dense level (ascending value; equal values share a level). */
    private int[] pointsLevels() {
        int n = pointsValues.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> pointsValues.get(a).compareTo(pointsValues.get(b)));
        int[] level = new int[n];
        int current = -1;
        for (int p = 0; p < n; p++) {
            if (p == 0 || pointsValues.get(order[p - 1]).compareTo(pointsValues.get(order[p])) != 0) {
                current++;
            }
            level[order[p]] = current;
        }
        return level;
    }

    private BigDecimal[] levelValues(int[] levels) {
        int count = 0;
        for (int l : levels) {
            count = Math.max(count, l + 1);
        }
        BigDecimal[] values = new BigDecimal[count];
        for (int c = 0; c < levels.length; c++) {
            BigDecimal v = pointsValues.get(c).stripTrailingZeros();
            values[levels[c]] = v;
        }
        return values;
    }

    /**
     * One choice: a school id, a tier (≥ 0, smaller is better) and points (larger is better), given
     * either as a decimal or as the exact JSON number text.
     */
    public record Choice(String school, long tier, BigDecimal points, String pointsText) {
        public static Choice of(String school, long tier) {
            return new Choice(school, tier, null, null);
        }

        public static Choice of(String school, long tier, BigDecimal points) {
            return new Choice(school, tier, points, null);
        }
    }
}
