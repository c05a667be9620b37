package org.xuewei.platform.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.xuewei.platform.policy.cel.PolicyMessages;
import org.xuewei.platform.policy.cel.RuleEnvironment;

/**
 * Renders an {@link Evaluation} (from {@link PolicyEvaluator#evaluate}) as text: plain sentences for parents, the
 * full trace for staff. Chinese by default, English with {@link Locale#ENGLISH} where the policy supplies English.
 */
public final class Explanation {

    private Explanation() {
    }

    /** Short sentences for parents, e.g. "属于第1类生源：父母户籍在本学区，户主为父亲，…". */
    public static List<String> forParent(Evaluation e, Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        List<String> out = new ArrayList<>();
        String grade = msg(locale, "policy.grade." + e.grade());
        if (!e.eligibility().eligible()) {
            out.add(msg(locale, "policy.eligibility.notEligible", grade) + sep(locale)
                    + e.eligibility().reasons().stream().filter(r -> !r.holds()).map(r -> text(r, en))
                    .collect(Collectors.joining(sep(locale))));
            return out;
        }
        if (!e.preferential().isEmpty()) {
            out.add(msg(locale, "policy.category.preferential", e.preferential().stream().map(RuleEnvironment::label).collect(Collectors.joining(sep(locale)))));
        }
        CategoryDecision c = e.category();
        if (c.decided()) {
            out.add(msg(locale, "policy.category.decided", en && c.nameEn() != null ? c.nameEn() : c.name(),
                    c.reasons().stream().map(r -> text(r, en)).collect(Collectors.joining(sep(locale)))));
        } else {
            out.add(msg(locale, "policy.category.none"));
        }
        if (e.points() != null) {
            out.add(msg(locale, "policy.points.total", fmt(e.points().total())));
            for (PointsScore.Item i : e.points().items()) {
                String label = i.text() != null ? i.name() + "（" + i.text() + "）" : i.name();
                out.add(i.max() != null && i.raw() > i.max()
                        ? msg(locale, "policy.points.capped", label, fmt(i.points()), fmt(i.max()), fmt(i.raw()))
                        : msg(locale, "policy.points.item", label, fmt(i.points())));
            }
        }
        for (EvidenceNote n : e.evidence()) {
            if (!n.usable()) {
                out.add(msg(locale, "policy.evidence.rejected", n.what() + " " + n.source().recordId(),
                        String.join(sep(locale), n.problems())));
            }
        }
        return out;
    }

    /** Everything: the policy version, each rule tried with its CEL source, result and registry sources. */
    public static List<String> forStaff(Evaluation e, Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        List<String> out = new ArrayList<>();
        out.add(msg(locale, "policy.staff.policy", e.policy().toString()));
        List<Reason> all = new ArrayList<>(e.eligibility().reasons());
        all.addAll(e.category().tried());
        for (Reason r : all) {
            out.add(msg(locale, "policy.staff.rule", r.ruleId(), r.rule(),
                    msg(locale, r.holds() ? "policy.holds" : "policy.fails")) + " — " + text(r, en));
            if (!r.sources().isEmpty()) {
                out.add("  " + msg(locale, "policy.staff.sources",
                        r.sources().stream().map(SourceRef::describe).distinct().collect(Collectors.joining("; "))));
            }
        }
        out.addAll(forParent(e, locale));
        for (EvidenceNote n : e.evidence()) {
            if (n.usable()) {
                out.add("✓ " + n.what() + " " + n.source().describe());
            }
        }
        return out;
    }

    private static String text(Reason r, boolean en) {
        return en && r.textEn() != null ? r.textEn() : r.text();
    }

    private static String sep(Locale locale) {
        return msg(locale, "policy.joiner");
    }

    private static String msg(Locale locale, String key, Object... args) {
        return PolicyMessages.render(locale == null ? Locale.ROOT : locale, key, args);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
