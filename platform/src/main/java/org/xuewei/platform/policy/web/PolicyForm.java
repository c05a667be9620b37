package org.xuewei.platform.policy.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;
import org.xuewei.platform.policy.CategoryRule;
import org.xuewei.platform.policy.Condition;
import org.xuewei.platform.policy.EligibilityRules;
import org.xuewei.platform.policy.EvidenceRules;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.PointsRules;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyCalendar;
import org.xuewei.platform.policy.PolicyProblem;
import org.xuewei.platform.policy.PrivateSchoolRules;
import org.xuewei.platform.policy.PropertyLock;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.SeasonWindow;
import org.xuewei.platform.policy.SiblingRules;

/**
 * The console's policy form: request parameters named by their path in the policy (the paths that
 * {@link PolicyProblem}s use, e.g. {@code evidence.certificateCutoff},
 * {@code categories[C1].routes[main].conditions[0].when}) applied onto a policy. A parameter that is absent leaves
 * its part unchanged; a checkbox is sent as a hidden {@code false} followed by {@code true} when ticked (the last
 * value counts). Values that cannot be read (a malformed date or number) are problems at their path.
 */
final class PolicyForm {

    private final MultiValueMap<String, String> params;
    private final MessageSource messages;
    private final Locale locale;
    private final List<PolicyProblem> problems = new ArrayList<>();

    PolicyForm(MultiValueMap<String, String> params, MessageSource messages, Locale locale) {
        this.params = params;
        this.messages = messages;
        this.locale = locale;
    }

    /** Problems reading the form (not the policy's own validation). */
    List<PolicyProblem> problems() {
        return problems;
    }

    Policy apply(Policy p) {
        SeasonWindow window = p.window() == null ? null
                : new SeasonWindow(date("window.opens", p.window().opens()), date("window.closes", p.window().closes()));
        return new Policy(p.id(), p.name(), p.district(), p.season(), p.basedOn(), p.example(), window,
                eligibility(p.eligibility()), evidence(p.evidence()), categories(p.categories()), points(p.points()),
                tieBreak(p.tieBreak()), propertyLock(p.propertyLock()),
                enumValue("overflow", Policy.Overflow.class, p.overflow()), siblings(p.siblings()),
                privateSchools(p.privateSchools()), p.preferentialCategories(), calendar(p.calendar()));
    }

    private EligibilityRules eligibility(EligibilityRules e) {
        if (e == null) {
            return null;
        }
        List<Condition> extra = new ArrayList<>();
        for (int i = 0; i < e.extra().size(); i++) {
            extra.add(condition("eligibility.extra[" + i + "]", e.extra().get(i)));
        }
        return new EligibilityRules(date("eligibility.ageCutoff", e.ageCutoff()),
                integer("eligibility.minAge", e.minAge()),
                bool("eligibility.requireGraduation", e.requireGraduation()), extra);
    }

    private EvidenceRules evidence(EvidenceRules e) {
        if (e == null) {
            return null;
        }
        List<PropertyUsage> usages = e.acceptedUsages();
        if (params.containsKey("evidence.acceptedUsages")) {
            usages = new ArrayList<>();
            for (String value : params.get("evidence.acceptedUsages")) {
                if (value == null || value.isBlank()) {
                    continue; // the hidden marker that says the checkboxes were on the form
                }
                PropertyUsage u = parseEnum("evidence.acceptedUsages", PropertyUsage.class, value);
                if (u != null && !usages.contains(u)) {
                    usages.add(u);
                }
            }
        }
        return new EvidenceRules(date("evidence.certificateCutoff", e.certificateCutoff()), usages,
                integer("evidence.minFamilySharePercent", e.minFamilySharePercent()),
                bool("evidence.directRelativesOnly", e.directRelativesOnly()),
                bool("evidence.contractCountsAsCertificate", e.contractCountsAsCertificate()),
                bool("evidence.contractRequiresDelivery", e.contractRequiresDelivery()),
                date("evidence.rentalCutoff", e.rentalCutoff()), date("evidence.permitCutoff", e.permitCutoff()),
                date("evidence.insuranceCutoff", e.insuranceCutoff()), date("evidence.validOn", e.validOn()),
                e.urbanDistricts());
    }

    private List<CategoryRule> categories(List<CategoryRule> categories) {
        List<CategoryRule> out = new ArrayList<>();
        for (CategoryRule c : categories) {
            String path = "categories[" + c.code() + "]";
            if (bool(path + ".remove", false)) {
                continue;
            }
            List<CategoryRule.Route> routes = new ArrayList<>();
            for (CategoryRule.Route r : c.routes()) {
                String routePath = path + ".routes[" + r.id() + "]";
                List<Condition> conditions = new ArrayList<>();
                for (int i = 0; i < r.conditions().size(); i++) {
                    conditions.add(condition(routePath + ".conditions[" + i + "]", r.conditions().get(i)));
                }
                routes.add(new CategoryRule.Route(r.id(), text(routePath + ".name", r.name()), conditions));
            }
            out.add(new CategoryRule(c.code(), integer(path + ".rank", c.rank()), text(path + ".name", c.name()),
                    c.nameEn(), routes));
        }
        return out;
    }

    private Condition condition(String path, Condition c) {
        return new Condition(c.id(), rule(path + ".when", c.when()), text(path + ".text", c.text()), c.textEn());
    }

    private PointsRules points(PointsRules points) {
        if (points == null) {
            return null;
        }
        List<PointsRules.Item> items = new ArrayList<>();
        for (PointsRules.Item item : points.items()) {
            String path = "points.items[" + item.code() + "]";
            items.add(new PointsRules.Item(item.code(), text(path + ".name", item.name()),
                    rule(path + ".formula", item.formula()), decimal(path + ".max", item.max()),
                    text(path + ".text", item.text())));
        }
        return new PointsRules(items);
    }

    private List<Policy.TieBreak> tieBreak(List<Policy.TieBreak> current) {
        if (!params.containsKey("tieBreak")) {
            return current;
        }
        List<Policy.TieBreak> out = new ArrayList<>();
        List<String> values = params.get("tieBreak");
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !values.get(i).isBlank()) {
                Policy.TieBreak t = parseEnum("tieBreak[" + i + "]", Policy.TieBreak.class, values.get(i));
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private PropertyLock propertyLock(PropertyLock lock) {
        if (lock == null) {
            return null;
        }
        Map<Grade, Integer> years = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            String name = "propertyLock.years." + g;
            Integer current = lock.years().get(g);
            String value = last(name);
            if (value == null) {
                if (current != null) {
                    years.put(g, current);
                }
            } else if (!value.isBlank()) {
                years.put(g, integer(name, current == null ? 0 : current));
            }
        }
        return new PropertyLock(years, bool("propertyLock.siblingExempt", lock.siblingExempt()));
    }

    private SiblingRules siblings(SiblingRules s) {
        return s == null ? null : new SiblingRules(bool("siblings.twinsBoundInLottery", s.twinsBoundInLottery()),
                bool("siblings.youngerFollowsElder", s.youngerFollowsElder()));
    }

    private PrivateSchoolRules privateSchools(PrivateSchoolRules s) {
        return s == null ? null : new PrivateSchoolRules(integer("privateSchools.maxChoices", s.maxChoices()),
                bool("privateSchools.lotteryWhenOversubscribed", s.lotteryWhenOversubscribed()));
    }

    private PolicyCalendar calendar(PolicyCalendar calendar) {
        if (calendar == null) {
            return null;
        }
        List<PolicyCalendar.Phase> phases = new ArrayList<>();
        for (int i = 0; i < calendar.phases().size(); i++) {
            PolicyCalendar.Phase p = calendar.phases().get(i);
            String path = "calendar.phases[" + i + "]";
            phases.add(new PolicyCalendar.Phase(p.grade(), p.code(), p.name(), dateTime(path + ".start", p.start()),
                    dateTime(path + ".end", p.end())));
        }
        return new PolicyCalendar(phases);
    }

    // --- reading single values

    private String last(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private String text(String name, String current) {
        String value = last(name);
        return value == null ? current : value.strip();
    }

    /** CEL source: line breaks normalised, otherwise as typed (line and column must match what the user sees). */
    private String rule(String name, String current) {
        String value = last(name);
        return value == null ? current : value.replace("\r\n", "\n").stripTrailing();
    }

    private boolean bool(String name, boolean current) {
        String value = last(name);
        return value == null ? current : "1".equals(value) || "true".equals(value) || "on".equals(value);
    }

    private LocalDate date(String name, LocalDate current) {
        return parsed(name, current, true, LocalDate::parse, "policy.console.form.date");
    }

    private LocalDateTime dateTime(String name, LocalDateTime current) {
        return parsed(name, current, false, LocalDateTime::parse, "policy.console.form.date-time");
    }

    private int integer(String name, int current) {
        return parsed(name, current, false, Integer::valueOf, "policy.console.form.integer");
    }

    private Double decimal(String name, Double current) {
        return parsed(name, current, true, Double::valueOf, "policy.console.form.number");
    }

    /**
     * The submitted field parsed, or {@code current} when the field was not submitted (or cannot be read: then a
     * problem under {@code problemKey} names the field); a blank field means "none" where {@code blankIsNone}.
     */
    private <T> T parsed(String name, T current, boolean blankIsNone, java.util.function.Function<String, T> parser,
                         String problemKey) {
        String value = last(name);
        if (value == null) {
            return current;
        }
        if (blankIsNone && value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) { // DateTimeParseException, NumberFormatException
            problem(name, problemKey, value);
            return current;
        }
    }

    private <E extends Enum<E>> E enumValue(String name, Class<E> type, E current) {
        String value = last(name);
        return value == null ? current : parseEnum(name, type, value);
    }

    private <E extends Enum<E>> E parseEnum(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problem(name, "policy.console.form.choice", value);
            return null;
        }
    }

    private void problem(String path, String key, String value) {
        problems.add(PolicyProblem.at(path, messages.getMessage(key, new Object[] {value}, locale)));
    }
}
