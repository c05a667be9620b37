package org.xuewei.platform.application.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.xuewei.platform.application.ApplicationProperties;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.PolicyCalendar;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyLibrary;
import org.xuewei.platform.policy.PolicyStore;
import org.xuewei.platform.policy.PolicyVersionPublished;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy that judges a district's applications this season: the latest published version of the district's
 * policy id in the season (e.g. {@code honggutan-points-2027}, as the policy module's shipped import publishes it)
 * if there is one (an exact, frozen version), else the shipped policy moved to the season (every date shifted by
 * whole years, so cut-offs and windows keep their day and month).
 *
 * <p>Every check and submission asks for the district's policy several times (once per zoned school of every home),
 * so the answer is kept in memory: dropped at once when a version is published on this instance
 * ({@link PolicyVersionPublished}, after its transaction commits), and looked up again after
 * {@code xuewei.application.policy-refresh} (default 10 s) so that a version published on another instance is picked
 * up too.
 */
@Component
public class SeasonPolicies {

    private static final Pattern YEAR = Pattern.compile("(?<=[\"'])(20\\d{2})(?=-\\d{2}-\\d{2})");
    /** The calendar phase in which parents apply and change applications. */
    public static final String COLLECT = "COLLECT";
    private static final Pattern SEASON = Pattern.compile("(\"season\"\\s*:\\s*)(\\d{4})");

    private final PolicyStore store;
    private final ApplicationProperties properties;
    private final Map<String, PolicyEvaluator> shipped = new ConcurrentHashMap<>();
    private final Map<String, Current> current = new ConcurrentHashMap<>();
    /** Bumped by every publication: a look-up that started before it does not keep its (possibly older) answer. */
    private final AtomicLong generation = new AtomicLong();

    private record Current(PolicyEvaluator evaluator, long loadedAtNanos) {
    }

    SeasonPolicies(PolicyStore store, ApplicationProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public PolicyEvaluator forDistrict(String districtCode, int season) {
        String id = properties.policyFor(districtCode);
        String key = id + "@" + season;
        long now = System.nanoTime();
        Current kept = current.get(key);
        if (kept != null && now - kept.loadedAtNanos() < properties.policyRefresh().toNanos()) {
            return kept.evaluator();
        }
        long seen = generation.get();
        PolicyEvaluator evaluator = store.latest(inSeason(id, season)).or(() -> store.latest(id))
                .filter(p -> p.policy().season() == season)
                .map(p -> PolicyEvaluator.compile(p.policy(), p.ref().version()))
                .orElseGet(() -> shipped.computeIfAbsent(key, k -> shifted(id, season)));
        if (generation.get() == seen) {
            current.put(key, new Current(evaluator, now));
        }
        return evaluator;
    }

    /** A version was published (here): the next look-up reads the store again. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PolicyVersionPublished published) {
        generation.incrementAndGet();
        current.clear();
    }

    /**
     * Whether the district's application window (信息采集, calendar phase {@code COLLECT}) is open for the grade; a
     * policy without such a phase for the grade sets no window.
     */
    public boolean collecting(String districtCode, int season, Grade grade, LocalDateTime now) {
        PolicyCalendar calendar = forDistrict(districtCode, season).policy().calendar();
        if (calendar == null) {
            return true;
        }
        List<PolicyCalendar.Phase> collect = calendar.phases().stream()
                .filter(p -> p.grade() == grade && COLLECT.equals(p.code())).toList();
        return collect.isEmpty() || collect.stream().anyMatch(p -> !now.isBefore(p.start()) && now.isBefore(p.end()));
    }

    /** A policy id in another season: its trailing year replaced ({@code nanchang-urban-2025} → {@code …-2027}). */
    static String inSeason(String id, int season) {
        return id.replaceFirst("\\d{4}$", Integer.toString(season));
    }

    static PolicyEvaluator shifted(String id, int season) {
        PolicyLibrary library = PolicyLibrary.shipped();
        PolicyLibrary moved = new PolicyLibrary();
        for (String doc : library.ids()) {
            moved.add(shift(library.document(doc).toString(), season - library.resolve(doc).season(), season));
        }
        return PolicyEvaluator.compile(moved.resolve(id));
    }

    static String shift(String json, int years, int season) {
        Matcher m = YEAR.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group(1)) + years));
        }
        m.appendTail(out);
        return SEASON.matcher(out).replaceAll("$1" + season);
    }
}
