package org.xuewei.platform.admission;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** 结果说明 — plain sentences for a parent's result page: how the place was decided, from {@link ChildResult}. */
@Component
public class ResultExplanation {

    private final MessageSource messages;

    ResultExplanation(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> sentences(ChildResult r, Locale locale) {
        List<String> out = new ArrayList<>();
        switch (r.route()) {
            case "PREFERENTIAL" -> out.add(text(locale, "admission.explain.preferential", r.schoolName()));
            case "CHOICE" -> out.add(text(locale, "admission.explain.choice", r.schoolName(), r.choice(), r.category()));
            case "OVERFLOW" -> out.add(text(locale, r.distanceFromZoneSchool() ? "admission.explain.overflow-from-zone-school"
                    : "admission.explain.overflow", r.schoolName(),
                    r.distanceMeters() == null ? 0 : Math.round(r.distanceMeters()), r.choice()));
            case "SECOND_BATCH" -> out.add(text(locale, "admission.explain.second-batch", r.schoolName()));
            default -> out.add(text(locale, "admission.explain.unplaced"));
        }
        if (r.cutoffCategory() != null && !"PREFERENTIAL".equals(r.route())) {
            out.add(text(locale, "admission.explain.cutoff", r.schoolName(), r.cutoffCategory()));
        }
        if (r.lotteryPosition() != null) {
            out.add(text(locale, "admission.explain.lottery", r.lotterySchool(), r.lotteryPosition(), r.lotteryTied()));
        }
        if (r.offerState() != null && r.arrivalDeadline() != null) {
            out.add(text(locale, "admission.explain.offer." + r.offerState()));
        }
        return out;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
