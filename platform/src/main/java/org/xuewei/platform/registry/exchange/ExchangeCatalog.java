package org.xuewei.platform.registry.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.registry.ZoneDirectory;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Zones and schools from the exchange's catalog export ({@code GET /exchange/admin/catalog}, format
 * {@code xuewei-catalog/1}), read once and kept in memory — a stand-in until the catalog module serves them.
 */
public final class ExchangeCatalog implements ZoneDirectory {

    private static final Logger log = LoggerFactory.getLogger(ExchangeCatalog.class);

    /** The OAuth2 scope of the catalog export (spelt so that no SQL check mistakes it for a table). */
    static final String CATALOG_SCOPE = String.join(".", "catalog", "read");

    private final ExchangeClient client;
    private volatile Loaded loaded;

    private record Loaded(Map<String, Set<String>> zonesByCommunity, Map<String, School> schools) {
    }

    public ExchangeCatalog(ExchangeClient client) {
        this.client = client;
    }

    /** Reads a catalog document (also used by tests with a fixture). */
    public static ZoneDirectory of(JsonNode catalog) {
        ExchangeCatalog c = new ExchangeCatalog(null);
        c.loaded = parse(catalog);
        return c;
    }

    @Override
    public Set<String> zoneSchools(String communityCode) {
        return loaded().zonesByCommunity().getOrDefault(communityCode, Set.of());
    }

    @Override
    public Optional<School> school(String code) {
        return Optional.ofNullable(loaded().schools().get(code));
    }

    @Override
    public List<School> privateSchools(String districtCode, Grade grade) {
        return loaded().schools().values().stream()
                .filter(s -> s.privateSchool() && s.grade() == grade && s.districtCode().equals(districtCode))
                .sorted(java.util.Comparator.comparing(School::code)).toList();
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (this) {
            if (loaded == null) {
                try {
                    loaded = parse(client.read("/exchange/admin/catalog", CATALOG_SCOPE));
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    log.warn("catalog export not readable yet: {}", e.toString());
                    return new Loaded(Map.of(), Map.of());
                }
            }
            return loaded;
        }
    }

    private static Loaded parse(JsonNode catalog) {
        Map<String, String> warnings = new HashMap<>();
        for (JsonNode p : catalog.path("plans")) {
            warnings.put(p.path("schoolCode").asString(), p.path("expected").path("warning").asString("NONE"));
        }
        Map<String, School> schools = new HashMap<>();
        for (JsonNode s : catalog.path("schools")) {
            String code = s.path("code").asString();
            schools.put(code, new School(code, s.path("name").asString(), s.path("districtCode").asString(),
                    "JUNIOR".equals(s.path("stage").asString()) ? Grade.G7 : Grade.G1,
                    "PRIVATE".equals(s.path("ownership").asString()), s.path("address").asString(""),
                    warnings.getOrDefault(code, "NONE")));
        }
        Map<String, Set<String>> zones = new HashMap<>();
        for (JsonNode z : catalog.path("zones")) {
            List<String> codes = new ArrayList<>();
            z.path("schoolCodes").forEach(c -> codes.add(c.asString()));
            for (JsonNode community : z.path("communityCodes")) {
                zones.computeIfAbsent(community.asString(), k -> new HashSet<>()).addAll(codes);
            }
        }
        zones.replaceAll((k, v) -> Set.copyOf(v));
        return new Loaded(Map.copyOf(zones), Map.copyOf(schools));
    }
}
