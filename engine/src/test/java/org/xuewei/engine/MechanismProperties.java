package org.xuewei.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xuewei.engine.reference.Model;
import org.xuewei.engine.reference.ModelJson;
import org.xuewei.engine.reference.Models;
import org.xuewei.engine.reference.ReferenceLottery;

/** The laws of docs/lottery.md §2 and §6, checked on random instances by test-side code. */
class MechanismProperties {
    private static final String DA = "deferred-acceptance";
    private static final String IA = "immediate-acceptance";

    @Property(tries = 300, seed = "101")
    void deferredAcceptanceIsFeasibleWastesNoSeatAndHasNoJustifiedEnvy(@ForAll("da") Model m) {
        assertThat(new ReferenceLottery(m).stabilityViolations(EngineRunner.assignment(m))).isEmpty();
    }

    @Property(tries = 200, seed = "102")
    void deferredAcceptanceIsStudentOptimalAmongAllStableMatchings(@ForAll("tiny") Model m) {
        ReferenceLottery ref = new ReferenceLottery(m);
        Map<String, String> da = EngineRunner.assignment(m);
        List<Map<String, String>> stable = new ArrayList<>();
        enumerate(m, 0, new HashMap<>(), ref, stable);
        assertThat(stable).contains(da);
        for (Map<String, String> other : stable) {
            for (Model.Student st : m.students()) {
                assertThat(ReferenceLottery.rank(st, da.get(st.id())))
                        .as("student %s: DA %s vs stable %s", st.id(), da, other)
                        .isLessThanOrEqualTo(ReferenceLottery.rank(st, other.get(st.id())));
            }
        }
    }

    private static void enumerate(Model m, int k, Map<String, String> partial, ReferenceLottery ref,
                                  List<Map<String, String>> out) {
        if (k == m.students().size()) {
            if (ref.stabilityViolations(partial).isEmpty()) {
                out.add(new HashMap<>(partial));
            }
            return;
        }
        Model.Student st = m.students().get(k);
        enumerate(m, k + 1, partial, ref, out);
        for (Model.Choice c : st.choices()) {
            partial.put(st.id(), c.school());
            enumerate(m, k + 1, partial, ref, out);
            partial.remove(st.id());
        }
    }

    @Property(tries = 200, seed = "103")
    void resultDoesNotDependOnInputOrder(@ForAll("any") Model m, @ForAll long a, @ForAll long b) {
        String first = EngineRunner.resultFile(ModelJson.write(m, new Random(a)));
        String second = EngineRunner.resultFile(ModelJson.write(m, new Random(b)));
        assertThat(assignments(first)).isEqualTo(assignments(second));
        assertThat(EngineRunner.resultSha256(first)).isEqualTo(EngineRunner.resultSha256(second));
    }

    @Property(tries = 200, seed = "104")
    void oneTierAndNoPointsMakesDeferredAcceptanceASerialDictatorshipInLotteryOrder(@ForAll("oneTier") Model m) {
        byte[] seed = HexFormat.of().parseHex(m.seed());
        List<Model.Student> order = new ArrayList<>(m.students());
        order.sort((x, y) -> Arrays.compareUnsigned(key(seed, x.id()), key(seed, y.id())));
        Map<String, Integer> left = new HashMap<>();
        m.schools().forEach(s -> left.put(s.id(), s.capacity()));
        Map<String, String> dictatorship = new HashMap<>();
        for (Model.Student st : order) {
            for (Model.Choice c : st.choices()) {
                if (left.get(c.school()) > 0) {
                    left.put(c.school(), left.get(c.school()) - 1);
                    dictatorship.put(st.id(), c.school());
                    break;
                }
            }
        }
        assertThat(EngineRunner.assignment(m)).isEqualTo(dictatorship);
    }

    @Property(tries = 200, seed = "105")
    void addingASeatNeverMakesAStudentWorseOff(@ForAll("daNoGroups") Model m, @ForAll int which) {
        Model.School extra = m.schools().get(Math.floorMod(which, m.schools().size()));
        List<Model.School> more = new ArrayList<>();
        for (Model.School s : m.schools()) {
            more.add(s == extra ? new Model.School(s.id(), s.capacity() + 1) : s);
        }
        Map<String, String> before = EngineRunner.assignment(m);
        Map<String, String> after = EngineRunner.assignment(m.withSchools(more));
        for (Model.Student st : m.students()) {
            assertThat(ReferenceLottery.rank(st, after.get(st.id())))
                    .isLessThanOrEqualTo(ReferenceLottery.rank(st, before.get(st.id())));
        }
    }

    @Property(tries = 100, seed = "106")
    void outputIsByteIdenticalOnEveryRun(@ForAll("any") Model m) {
        byte[] json = ModelJson.write(m);
        String first = EngineRunner.resultFile(json);
        assertThat(EngineRunner.resultFile(json)).isEqualTo(first);
        assertThat(EngineRunner.resultFile(json.clone())).isEqualTo(first);
    }

    @Property(tries = 300, seed = "107")
    void immediateAcceptanceNeverAdmitsAtChoiceROverAHigherPriorityStudentWhoseChoiceRItWas(
            @ForAll("ia") Model m) {
        ReferenceLottery ref = new ReferenceLottery(m);
        Map<String, String> got = EngineRunner.assignment(m);
        for (Model.Student j : m.students()) {
            String s = got.get(j.id());
            if (s == null) {
                continue;
            }
            int r = ReferenceLottery.rank(j, s);
            for (Model.Student i : m.students()) {
                boolean sameRound = i.choices().size() > r && i.choices().get(r).school().equals(s);
                boolean rejected = ReferenceLottery.rank(i, got.get(i.id())) > r;
                if (sameRound && rejected) {
                    assertThat(ref.compareAt(s, i, j))
                            .as("%s admitted at choice %d over %s", j.id(), r + 1, i.id())
                            .isGreaterThan(0);
                }
            }
        }
    }

    @Property(tries = 300, seed = "108")
    void groupsStayTogetherAndOnlyTheLastGroupTakenExceedsCapacity(@ForAll("any") Model m) {
        ReferenceLottery ref = new ReferenceLottery(m);
        Map<String, String> got = EngineRunner.assignment(m);
        for (List<String> g : m.groups()) {
            Set<String> where = new HashSet<>();
            g.forEach(id -> where.add(String.valueOf(got.get(id))));
            assertThat(where).hasSize(1);
        }
        Map<String, Integer> used = new HashMap<>();
        got.values().forEach(s -> used.merge(s, 1, Integer::sum));
        int maxGroup = 1;
        for (List<String> g : m.groups()) {
            maxGroup = Math.max(maxGroup, g.size());
        }
        for (Model.School s : m.schools()) {
            assertThat(used.getOrDefault(s.id(), 0)).isLessThanOrEqualTo(s.capacity() + maxGroup - 1);
        }
        if (m.mechanism().equals(DA)) {
            assertThat(ref.stabilityViolations(got)).isEmpty();
        }
    }

    private static byte[] key(byte[] seed, String id) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(seed);
            return md.digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> assignments(String resultFile) {
        List<String> lines = new ArrayList<>(Arrays.asList(resultFile.split("\n")));
        return lines.subList(1, lines.size() - 1);
    }

    @Provide
    Arbitrary<Model> any() {
        return Models.models(Models.Shape.small());
    }

    @Provide
    Arbitrary<Model> da() {
        return Models.models(Models.Shape.small().mechanism(DA));
    }

    @Provide
    Arbitrary<Model> daNoGroups() {
        return Models.models(Models.Shape.small().mechanism(DA).noGroups());
    }

    @Provide
    Arbitrary<Model> ia() {
        return Models.models(Models.Shape.small().mechanism(IA));
    }

    @Provide
    Arbitrary<Model> tiny() {
        return Models.models(Models.Shape.small().mechanism(DA).noGroups().size(3, 2, 5));
    }

    @Provide
    Arbitrary<Model> oneTier() {
        return Models.models(Models.Shape.small().mechanism(DA).tieBreak("single").noGroups().noPoints().tiers(1));
    }
}
