package org.xuewei.engine;

import org.xuewei.engine.core.DeferredAcceptance;
import org.xuewei.engine.core.ImmediateAcceptance;
import org.xuewei.engine.core.Prepared;
import org.xuewei.engine.core.Priorities;

/** 派位 — runs the instance's mechanism with its lottery, exactly as docs/lottery.md specifies. */
public final class Engine {
    private Engine() {
    }

    /** Allocates with the seed written in the instance. */
    public static Allocation allocate(Instance instance) {
        byte[] seed = instance.seed();
        if (seed == null) {
            throw new InvalidInputException("seed: missing (the instance has no seed; give one)");
        }
        return allocate(instance, seed);
    }

    /** Allocates with the given 32-byte seed. */
    public static Allocation allocate(Instance instance, byte[] seed) {
        if (seed.length != 32) {
            throw new InvalidInputException("seed: must be 32 bytes");
        }
        Prepared prepared = Priorities.prepare(instance, seed);
        int[] position = instance.mechanism() == Mechanism.DEFERRED_ACCEPTANCE
                ? DeferredAcceptance.run(prepared)
                : ImmediateAcceptance.run(prepared);
        return new Allocation(instance, seed, position);
    }
}
