package org.xuewei.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xuewei.engine.reference.Model;
import org.xuewei.engine.reference.ModelJson;
import org.xuewei.engine.reference.Models;
import org.xuewei.engine.reference.ReferenceLottery;

/** The engine's result files equal, byte for byte, those of an independent implementation of the spec. */
class EngineMatchesReferenceProperties {

    @Property(tries = 400, seed = "20260901")
    void sameBytesAsTheReference(@ForAll("any") Model m, @ForAll long shuffleSeed) {
        byte[] json = ModelJson.write(m, new Random(shuffleSeed));
        assertThat(EngineRunner.resultFile(json)).isEqualTo(new ReferenceLottery(m).resultFile(json));
    }

    @Property(tries = 100, seed = "20260902")
    void sameBytesOnCrowdedInstances(@ForAll("crowded") Model m) {
        byte[] json = ModelJson.write(m);
        assertThat(EngineRunner.resultFile(json)).isEqualTo(new ReferenceLottery(m).resultFile(json));
    }

    @Provide
    Arbitrary<Model> any() {
        return Models.models(Models.Shape.small());
    }

    @Provide
    Arbitrary<Model> crowded() {
        return Models.models(Models.Shape.small().size(6, 6, 40));
    }
}
