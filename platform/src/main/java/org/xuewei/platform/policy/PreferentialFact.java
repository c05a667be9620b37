package org.xuewei.platform.policy;

import java.util.Objects;

/**
 * 优待 — a preferential category confirmed by its department, e.g. {@code ACTIVE_MILITARY} (现役军人子女),
 * {@code MARTYR} (烈士子女), {@code POLICE_HERO}, {@code FIREFIGHTER}, {@code TALENT_A}…{@code TALENT_D},
 * {@code OVERSEAS_CHINESE}.
 */
public record PreferentialFact(String category, String department, SourceRef source) {
    public PreferentialFact {
        Objects.requireNonNull(category, "category");
        department = department == null ? "" : department;
        source = source == null ? SourceRef.of(RegistrySource.PREFERENTIAL, "") : source;
    }
}
