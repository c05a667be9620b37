package org.xuewei.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors computed independently with Python's hashlib. */
class LotteryKeysTests {
    private static final byte[] ZERO_SEED = new byte[32];

    @Test
    void singleKey() {
        assertThat(Hex.of(LotteryKeys.single(ZERO_SEED, "A0001")))
                .isEqualTo("facddf560795fe6cdabbbe63e7f441710802cc235ea40a6fa94edf305554cac3");
    }

    @Test
    void multipleKey() {
        assertThat(Hex.of(LotteryKeys.multiple(ZERO_SEED, "S01", "A0001")))
                .isEqualTo("2b8205d4fe978c754ba442303ccc8f730d2a86039d4fa5e1e5d5fe3f086f9c02");
    }

    @Test
    void seedRecipeWithWitnesses() {
        assertThat(SeedCeremony.seed("ab".repeat(32), "bureau-secret-2026", "beacon-round-123456",
                List.of("张三", "w2"))).isEqualTo("36eb61e6faeb861a6f60b176d6aa15a42ff044e5f455bad96e17abc3ac965441");
        assertThat(SeedCeremony.seed("ab".repeat(32), "s", "p", List.of()))
                .isEqualTo("ef70f5a189eefa4d94b078fbc0b3456c5fcbc6c8f405f4bb0b44cebd3d297184");
    }

    @Test
    void commitment() {
        assertThat(SeedCeremony.commitment("bureau-secret-2026"))
                .isEqualTo("2b247162599208a54d6f4fbe65b458c69a22cc2e9927959f29c7e79ecbe11a92");
    }

    @Test
    void valuesWithLineBreaksAreRefused() {
        assertThatThrownBy(() -> SeedCeremony.seed("ab".repeat(32), "s\nx", "p", List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> SeedCeremony.seed("AB".repeat(32), "s", "p", List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("input-sha256");
    }
}
