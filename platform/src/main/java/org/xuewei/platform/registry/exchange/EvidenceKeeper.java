package org.xuewei.platform.registry.exchange;

import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.registry.Evidence;

/** Keeps an evidence snapshot of one answer (the database in the platform, a list in tests). */
@FunctionalInterface
public interface EvidenceKeeper {
    Evidence keep(ExchangeClient.Answer answer, RegistrySource registry, String operation, String subjectHash);
}
