package org.xuewei.platform.application.internal;

import org.springframework.stereotype.Component;
import org.xuewei.platform.application.ApplicationProperties;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyLibrary;
import org.xuewei.platform.policy.PolicyStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy that judges a district's applications this season: the latest published version of the district's
 * policy id if the district has published one (an exact, frozen version), else the shipped policy moved to the
 * season (every date shifted by whole years, so cut-offs and windows keep their day and month).
 */
@Component
public class SeasonPolicies {

    private static final Pattern YEAR = Pattern.compile("(?<=[\"'])(20\\d{2})(?=-\\d{2}-\\d{2})");
    private static final Pattern SEASON = Pattern.compile("(\"season\"\\s*:\\s*)(\\d{4})");

    private final PolicyStore store;
    private final ApplicationProperties properties;
    private final Map<String, PolicyEvaluator> shipped = new ConcurrentHashMap<>();

    SeasonPolicies(PolicyStore store, ApplicationProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public PolicyEvaluator forDistrict(String districtCode, int season) {
        String id = properties.policyFor(districtCode);
        return store.latest(id).filter(p -> p.policy().season() == season)
                .map(p -> store.evaluator(p.ref()))
                .orElseGet(() -> shipped.computeIfAbsent(id + "@" + season, k -> shifted(id, season)));
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
