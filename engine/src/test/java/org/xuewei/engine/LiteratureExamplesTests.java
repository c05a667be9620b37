package org.xuewei.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xuewei.engine.reference.Model.c;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xuewei.engine.reference.Model;

/** Hand-written examples with known answers. Tiers encode each school's strict priority order. */
class LiteratureExamplesTests {
    private static final String SEED = "00".repeat(32);

    /**
     * Abdulkadiroğlu & Sönmez (2003), "School Choice: A Mechanism Design Approach", the example showing
     * that DA need not be Pareto efficient and how the Boston mechanism differs. Priorities:
     * s1: i1 > i3 > i2; s2: i2 > i1 > i3; s3: i3 > i1 > i2. Preferences: i1: s2 s1 s3; i2 and i3: s1 s2 s3.
     */
    private static Model abdulkadirogluSonmez(String mechanism) {
        return new Model.Builder(mechanism, "single", SEED)
                .school("s1", 1).school("s2", 1).school("s3", 1)
                .student("i1", c("s2", 1), c("s1", 0), c("s3", 1))
                .student("i2", c("s1", 2), c("s2", 0), c("s3", 2))
                .student("i3", c("s1", 1), c("s2", 2), c("s3", 0))
                .build();
    }

    @Test
    void deferredAcceptanceOnAbdulkadirogluSonmez2003() {
        assertThat(EngineRunner.assignment(abdulkadirogluSonmez("deferred-acceptance")))
                .isEqualTo(Map.of("i1", "s1", "i2", "s2", "i3", "s3"));
    }

    @Test
    void bostonMechanismOnAbdulkadirogluSonmez2003() {
        assertThat(EngineRunner.assignment(abdulkadirogluSonmez("immediate-acceptance")))
                .isEqualTo(Map.of("i1", "s2", "i2", "s3", "i3", "s1"));
    }

    /**
     * Gale & Shapley (1962), "College Admissions and the Stability of Marriage", the 3×3 example in
     * which every man gets his first choice and every woman her last when men propose.
     * α: A B C, β: B C A, γ: C A B; A: β γ α, B: γ α β, C: α β γ.
     */
    @Test
    void galeShapley1962ManProposingExample() {
        Model m = new Model.Builder("deferred-acceptance", "single", SEED)
                .school("A", 1).school("B", 1).school("C", 1)
                .student("alpha", c("A", 2), c("B", 1), c("C", 0))
                .student("beta", c("B", 2), c("C", 1), c("A", 0))
                .student("gamma", c("C", 2), c("A", 1), c("B", 0))
                .build();
        assertThat(EngineRunner.assignment(m)).isEqualTo(Map.of("alpha", "A", "beta", "B", "gamma", "C"));
    }

    /** Gale & Shapley's rejection chain: one proposal displaces a student who displaces another. */
    @Test
    void rejectionChain() {
        Model m = new Model.Builder("deferred-acceptance", "single", SEED)
                .school("X", 1).school("Y", 1).school("Z", 1)
                .student("a", c("X", 1), c("Y", 0), c("Z", 0))
                .student("b", c("Y", 1), c("Z", 1))
                .student("c", c("X", 0))
                .build();
        // c displaces a at X; a displaces b at Y; b goes to Z.
        assertThat(EngineRunner.assignment(m)).isEqualTo(Map.of("a", "Y", "b", "Z", "c", "X"));
    }

    @Test
    void twinsTakeTwoSeatsAndMayPushTheLastSeatOverCapacity() {
        Model m = new Model.Builder("deferred-acceptance", "single", SEED)
                .school("X", 2).school("Y", 2)
                .student("P", c("X", 0), c("Y", 0))
                .student("T1", c("X", 1), c("Y", 0))
                .student("T2", c("X", 1), c("Y", 0))
                .student("Q", c("X", 2), c("Y", 0))
                .group("T1", "T2")
                .build();
        assertThat(EngineRunner.assignment(m)).isEqualTo(Map.of("P", "X", "T1", "X", "T2", "X", "Q", "Y"));
    }

    @Test
    void aGroupThatFindsNoFreeSeatIsRejectedWhole() {
        Model m = new Model.Builder("deferred-acceptance", "single", SEED)
                .school("X", 1).school("Y", 5)
                .student("P", c("X", 0))
                .student("T1", c("X", 1), c("Y", 0))
                .student("T2", c("X", 1), c("Y", 0))
                .group("T1", "T2")
                .build();
        assertThat(EngineRunner.assignment(m)).isEqualTo(Map.of("P", "X", "T1", "Y", "T2", "Y"));
    }

    @Test
    void aGroupAheadOfASingleStudentTakesTheSeatsFirst() {
        Model m = new Model.Builder("immediate-acceptance", "multiple", SEED)
                .school("X", 2).school("Y", 5)
                .student("P", c("X", 1), c("Y", 0))
                .student("T1", c("X", 0), c("Y", 0))
                .student("T2", c("X", 0), c("Y", 0))
                .group("T1", "T2")
                .build();
        assertThat(EngineRunner.assignment(m)).isEqualTo(Map.of("P", "Y", "T1", "X", "T2", "X"));
    }

    @Test
    void pointsAreExactDecimalsAndLargerIsBetter() {
        Model.Builder b = new Model.Builder("deferred-acceptance", "single", SEED).school("X", 1).school("Y", 9);
        Model m = b.student("low", c("X", 1, "12.50"), c("Y", 0))
                .student("high", c("X", 1, "12.500000000000000000001"), c("Y", 0))
                .student("tierBeatsPoints", c("Y", 0))
                .build();
        assertThat(EngineRunner.assignment(m)).containsEntry("high", "X").containsEntry("low", "Y");
    }

    @Test
    void equalDecimalsWrittenDifferentlyTieAndTheLotteryDecides() {
        Model written = new Model.Builder("deferred-acceptance", "single", SEED).school("X", 1)
                .student("a", c("X", 0, "12.5")).student("b", c("X", 0, "12.50")).student("c", c("X", 0, "125e-1"))
                .build();
        Model plain = new Model.Builder("deferred-acceptance", "single", SEED).school("X", 1)
                .student("a", c("X", 0, "12.5")).student("b", c("X", 0, "12.5")).student("c", c("X", 0, "12.5"))
                .build();
        assertThat(EngineRunner.assignment(written)).isEqualTo(EngineRunner.assignment(plain));
    }
}
