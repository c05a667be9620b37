package org.xuewei.platform.registry.exchange;

import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.registry.Evidence;

import java.util.ArrayList;
import java.util.List;

/** Keeps an evidence snapshot of one answer (the database in the platform, a list in tests). */
@FunctionalInterface
public interface EvidenceKeeper {

    /** One answer to keep: what the registry said, which registry and look-up, about whom (keyed hash). */
    record Kept(ExchangeClient.Answer answer, RegistrySource registry, String operation, String subjectHash) {
    }

    Evidence keep(ExchangeClient.Answer answer, RegistrySource registry, String operation, String subjectHash);

    /** The answers of one round, in order (a store writes them at once). */
    default List<Evidence> keepAll(List<Kept> answers) {
        List<Evidence> kept = new ArrayList<>(answers.size());
        for (Kept k : answers) {
            kept.add(keep(k.answer(), k.registry(), k.operation(), k.subjectHash()));
        }
        return kept;
    }
}
