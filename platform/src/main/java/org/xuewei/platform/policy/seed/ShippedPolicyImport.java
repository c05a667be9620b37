package org.xuewei.platform.policy.seed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyLibrary;
import org.xuewei.platform.policy.PolicyStore;

/**
 * Puts shipped policies into the store for the current season, each as a published (frozen) version, when the
 * store has no version of it yet; existing versions and drafts are never touched. At start-up: in the demo profile
 * the Nanchang city default, Nanchang County's and Honggutan's variants; elsewhere the city default only, and only
 * with {@code xuewei.policy.import-city-default=true} (production's first start). Every import is audited.
 */
@Component
public class ShippedPolicyImport implements ApplicationRunner {

    /** The shipped city default (南昌市城区). */
    public static final String CITY_DEFAULT = "nanchang-urban-2025";
    /** What the demo imports: the city default first, then the district variants based on it. */
    public static final List<String> DEMO = List.of(CITY_DEFAULT, "nanchang-county-2025", "honggutan-points-2025");

    static final String REQUESTED_BY = "system:shipped";
    static final String APPROVED_BY = "system:import";
    private static final Logger log = LoggerFactory.getLogger(ShippedPolicyImport.class);

    private final PolicyStore store;
    private final PolicyLibrary shipped;
    private final PolicySeason season;
    private final PolicyProperties properties;
    private final Environment environment;
    private final AuditLog audit;
    private final Clock clock;

    ShippedPolicyImport(PolicyStore store, PolicyLibrary shipped, PolicySeason season, PolicyProperties properties,
                        Environment environment, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.shipped = shipped;
        this.season = season;
        this.properties = properties;
        this.environment = environment;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        List<String> ids = demo ? DEMO : properties.importCityDefault() ? List.of(CITY_DEFAULT) : List.of();
        if (!ids.isEmpty()) {
            // the demo season opens its application window (信息采集) the day before the demo's first start
            LocalDate collectionOpens = demo ? LocalDate.now(clock).minusDays(1) : null;
            List<String> imported = importShipped(ids, season.current(), collectionOpens);
            log.info("Shipped policies for season {}: {} imported, the others were already published",
                    season.current(), imported.isEmpty() ? "none" : imported);
        }
    }

    /**
     * Import shipped policies into a season when missing: each is moved to the season ({@link SeasonShift}), saved
     * as a draft and published as version 1.
     *
     * @return the ids (in that season) that were imported now
     */
    @Transactional
    public List<String> importShipped(List<String> shippedIds, int seasonYear) {
        return importShipped(shippedIds, seasonYear, null);
    }

    /**
     * As {@link #importShipped(List, int)}; with {@code collectionOpens} the calendar is laid out so that every
     * grade's information collection (COLLECT) starts on that day, and the season window widened to hold it.
     */
    @Transactional
    public List<String> importShipped(List<String> shippedIds, int seasonYear, LocalDate collectionOpens) {
        List<String> imported = new ArrayList<>();
        for (String shippedId : shippedIds) {
            Policy policy = SeasonShift.to(shipped.resolve(shippedId), seasonYear);
            if (collectionOpens != null) {
                policy = DemoCalendar.opening(policy, collectionOpens);
            }
            if (store.latest(policy.id()).isPresent()) {
                continue;
            }
            store.saveDraft(policy, REQUESTED_BY);
            PolicyStore.Published published = store.publish(policy.id(), REQUESTED_BY, APPROVED_BY);
            audit.record(new AuditEntry(APPROVED_BY, "policy.published", policy.id(), "",
                    "导入随平台发布的政策 " + shippedId + "，版本 " + published.ref().version() + "，SHA-256 "
                            + published.ref().contentHash()));
            imported.add(policy.id());
        }
        return imported;
    }
}
