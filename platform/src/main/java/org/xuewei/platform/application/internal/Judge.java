package org.xuewei.platform.application.internal;

import org.springframework.stereotype.Component;
import org.xuewei.platform.application.ApplicationProperties;
import org.xuewei.platform.application.CheckResult.FactLine;
import org.xuewei.platform.application.CheckResult.HomeOption;
import org.xuewei.platform.application.CheckResult.SchoolChoice;
import org.xuewei.platform.application.ReviewReason;
import org.xuewei.platform.policy.Address;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.Evaluation;
import org.xuewei.platform.policy.Explanation;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.MaritalEventFact;
import org.xuewei.platform.policy.Owner;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PropertyFact;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.PurchaseContractFact;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.policy.RentalFact;
import org.xuewei.platform.policy.ResidencePermitFact;
import org.xuewei.platform.registry.FactsReport;
import org.xuewei.platform.registry.ZoneDirectory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a registry report into what parents see and what the checks need: homes, zoned schools, judgements. */
@Component
public class Judge {

    /**
     * A home with the facts the checks need, and the policy's judgement of the child at each of its zoned schools
     * (made once when the home is listed, then reused by the check's problems and by the submission).
     */
    public record Home(HomeOption option, PropertyUsage usage, List<Owner> owners, String key,
                       Map<String, Evaluation> evaluations) {

        public Home {
            evaluations = Map.copyOf(evaluations);
        }

        public Home(HomeOption option, PropertyUsage usage, List<Owner> owners, String key) {
            this(option, usage, owners, key, Map.of());
        }

        /** The judgement at one of this home's zoned schools, if the home was listed with it. */
        public Optional<Evaluation> evaluation(String schoolCode) {
            return Optional.ofNullable(evaluations.get(schoolCode));
        }
    }

    private final ZoneDirectory zones;
    private final SeasonPolicies policies;
    private final ApplicationProperties properties;

    Judge(ZoneDirectory zones, SeasonPolicies policies, ApplicationProperties properties) {
        this.zones = zones;
        this.policies = policies;
        this.properties = properties;
    }

    /** Every home of the family with its zoned schools for the grade, each judged by the district's policy. */
    public List<Home> homes(ChildFacts facts, int season, Locale locale) {
        List<Home> homes = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        // the judgement at a school depends on the facts and the school, not on the home: homes zoned to the same
        // school share one evaluation
        Map<String, Judged> judged = new HashMap<>();
        for (PropertyFact p : facts.properties()) {
            if (addresses.add(p.address().id())) {
                homes.add(home("P:" + p.source().recordId(), "CERTIFICATE", p.address(), p.usage(), p.owners(), facts, season, locale, judged));
            }
        }
        for (PurchaseContractFact c : facts.contracts()) {
            if (addresses.add(c.address().id())) {
                homes.add(home("C:" + c.source().recordId(), "CONTRACT", c.address(), c.usage(), c.buyers(), facts, season, locale, judged));
            }
        }
        Optional<HukouFact> hukou = facts.hukouOf(Relation.CHILD);
        if (hukou.isPresent() && addresses.add(hukou.get().address().id())) {
            homes.add(home("H:" + hukou.get().source().recordId(), "HUKOU", hukou.get().address(), null, List.of(), facts, season, locale, judged));
        }
        for (RentalFact r : facts.rentals()) {
            if (addresses.add(r.address().id())) {
                homes.add(home("R:" + r.source().recordId(), "RENTAL", r.address(), null, List.of(), facts, season, locale, judged));
            }
        }
        // 居住证的居住地址: a 随迁子女 family without a registered rental lives where its permit says (the district
        // places category 7 by it)
        for (ResidencePermitFact m : facts.permits()) {
            if (m.address() != null && !m.address().id().isBlank() && addresses.add(m.address().id())) {
                homes.add(home("M:" + m.source().recordId(), "PERMIT", m.address(), null, List.of(), facts, season, locale, judged));
            }
        }
        // the page pre-selects the first home and school: put the one the policy ranks best first, so that a parent
        // who changes nothing applies with the best category the facts give (a stable sort keeps the order otherwise)
        homes.sort(java.util.Comparator.comparingInt(Judge::bestRank));
        return homes;
    }

    /** The best (smallest) category rank among a home's schools; homes without a category come last. */
    static int bestRank(Home home) {
        return home.option().schools().stream().filter(s -> s.category() != null)
                .mapToInt(SchoolChoice::rank).min().orElse(Integer.MAX_VALUE);
    }

    private Home home(String id, String kind, Address address, PropertyUsage usage, List<Owner> owners, ChildFacts facts,
                      int season, Locale locale, Map<String, Judged> judged) {
        List<SchoolChoice> schools = new ArrayList<>();
        Map<String, Evaluation> evaluations = new HashMap<>();
        for (String code : address.zoneSchools().stream().sorted().toList()) {
            Optional<ZoneDirectory.School> zoned = zones.school(code).filter(s -> s.grade() == facts.grade() && !s.privateSchool());
            if (zoned.isPresent()) {
                ZoneDirectory.School s = zoned.get();
                Judged j = judged.computeIfAbsent(s.code(), c -> {
                    Evaluation e = evaluate(facts, c, s.districtCode(), season);
                    return new Judged(e, choice(s, e, locale));
                });
                evaluations.put(s.code(), j.evaluation());
                schools.add(j.choice());
            }
        }
        schools.sort(java.util.Comparator.comparingInt(s -> s.category() == null ? Integer.MAX_VALUE : s.rank()));
        return new Home(new HomeOption(id, kind, address.id(), usage == null ? "" : usage.label(), List.copyOf(schools)),
                usage, owners, sha256(address.id()), evaluations);
    }

    /** A school's judgement in one listing of homes, and the choice a parent is shown for it. */
    private record Judged(Evaluation evaluation, SchoolChoice choice) {
    }

    private static SchoolChoice choice(ZoneDirectory.School s, Evaluation e, Locale locale) {
        return new SchoolChoice(s.code(), s.name(), s.warning(),
                e.category().decided() ? (isEn(locale) && e.category().nameEn() != null ? e.category().nameEn() : e.category().name()) : null,
                e.category().rank(), e.points() == null ? null : e.points().total(), Explanation.forParent(e, locale));
    }

    /** The judgement at a school: the one made when the home was listed, else evaluated now. */
    public Evaluation evaluate(Home home, ChildFacts facts, ZoneDirectory.School school, int season) {
        return (home == null ? Optional.<Evaluation>empty() : home.evaluation(school.code()))
                .orElseGet(() -> evaluate(facts, school.code(), school.districtCode(), season));
    }

    public Evaluation evaluate(ChildFacts facts, String schoolCode, String districtCode, int season) {
        PolicyEvaluator evaluator = policies.forDistrict(districtCode, season);
        // parents see the deciding route, never the conditions tried before it: their sentences are not rendered
        return evaluator.evaluateForParent(facts, schoolCode, districtCode);
    }

    public List<ReviewReason> checks(FactsReport report, Evaluation evaluation, int season, String districtCode,
                                     Home home, boolean usedByAnotherFamily) {
        return SubmissionChecks.run(report.facts(), report.missing(), evaluation,
                policies.forDistrict(districtCode, season).policy(),
                home == null ? null : new SubmissionChecks.ChosenHome(home.usage(), home.owners(), usedByAnotherFamily),
                properties.recentMoveInMonths(), properties.divorceMonths());
    }

    public boolean collecting(String districtCode, int season, Grade grade, java.time.LocalDateTime now) {
        return !properties.enforceWindow() || policies.collecting(districtCode, season, grade, now);
    }

    public String policyName(String districtCode, int season) {
        return policies.forDistrict(districtCode, season).policy().name();
    }

    /** What the registries said, as message keys with arguments (labels of relations and usages are Chinese data). */
    public static List<FactLine> facts(ChildFacts f) {
        List<FactLine> lines = new ArrayList<>();
        for (HukouFact h : f.hukous()) {
            lines.add(new FactLine(h.collective() ? "application.fact.hukou.collective" : "application.fact.hukou",
                    new Object[]{h.holder().label(), h.address().id(), h.householder().label(), String.valueOf(h.moveInDate())}));
        }
        for (PropertyFact p : f.properties()) {
            lines.add(new FactLine("application.fact.property", new Object[]{p.address().id(), p.usage().label(),
                    owners(p.owners()), String.valueOf(p.certificateDate())}));
        }
        for (PurchaseContractFact c : f.contracts()) {
            lines.add(new FactLine(c.delivered() ? "application.fact.contract.delivered" : "application.fact.contract",
                    new Object[]{c.address().id(), String.valueOf(c.signedDate()), owners(c.buyers())}));
        }
        for (RentalFact r : f.rentals()) {
            lines.add(new FactLine("application.fact.rental", new Object[]{r.address().id(), r.tenant().label(),
                    String.valueOf(r.registeredDate()), String.valueOf(r.endDate())}));
        }
        f.permits().forEach(p -> lines.add(new FactLine("application.fact.permit",
                new Object[]{p.holder().label(), String.valueOf(p.issueDate()), String.valueOf(p.validUntil())})));
        f.insurance().forEach(i -> lines.add(new FactLine("application.fact.insurance",
                new Object[]{i.holder().label(), i.kind(), i.months()})));
        for (MaritalEventFact m : f.maritalEvents()) {
            lines.add(new FactLine("application.fact.marital." + m.kind().name(), new Object[]{String.valueOf(m.date())}));
        }
        f.preferential().forEach(p -> lines.add(new FactLine("application.fact.preferential",
                new Object[]{p.category(), p.department()})));
        if (f.schooling() != null) {
            lines.add(new FactLine("application.fact.schooling", new Object[]{f.schooling().schoolId(),
                    String.valueOf(f.schooling().graduationDate())}));
        }
        return lines;
    }

    private static String owners(List<Owner> owners) {
        return owners.stream().map(o -> o.relation().label() + " " + trim(o.sharePercent()) + "%")
                .collect(Collectors.joining("、"));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static boolean isEn(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static Grade gradeOf(ChildFacts facts) {
        return facts.grade();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
