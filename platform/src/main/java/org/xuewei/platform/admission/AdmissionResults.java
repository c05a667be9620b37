package org.xuewei.platform.admission;

import org.springframework.stereotype.Service;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.admission.allocation.SchoolStats;
import org.xuewei.platform.admission.notice.NoticeCodes;
import org.xuewei.platform.admission.notice.NoticePdf;
import org.xuewei.platform.admission.store.OfferStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;

import java.util.Optional;

/**
 * Published results for other modules (the parent pages of the application module): "the result of application
 * X", its admission notice PDF, and the public check of a notice.
 */
@Service
public class AdmissionResults {

    private final RunStore runs;
    private final OfferStore offers;
    private final NoticeCodes notices;
    private final NoticePdf pdf;

    AdmissionResults(RunStore runs, OfferStore offers, NoticeCodes notices, NoticePdf pdf) {
        this.runs = runs;
        this.offers = offers;
        this.notices = notices;
        this.pdf = pdf;
    }

    /** Empty until a run placing the application is published. */
    public Optional<ChildResult> resultOf(String applicationNo) {
        return runs.publishedRunOf(applicationNo).flatMap(runId -> {
            RunRecord run = runs.find(runId).orElseThrow();
            return runs.placement(runId, applicationNo).map(p -> result(run, p));
        });
    }

    private ChildResult result(RunRecord run, Placement p) {
        Optional<OfferStore.Offer> offer = offers.find(run.id(), p.applicationNo());
        String school = offer.map(OfferStore.Offer::schoolCode).orElse(p.schoolCode());
        Optional<SchoolStats> stats = run.summary().schools().stream().filter(s -> s.code().equals(school)).findFirst();
        return new ChildResult(p.applicationNo(), run.districtCode(), run.season(), run.grade(),
                offer.isPresent() && (p.schoolCode() == null || offer.get().batch() > 1) ? "SECOND_BATCH" : p.route().name(), school,
                stats.map(SchoolStats::name).orElse(school), p.choice(), p.category(),
                stats.map(SchoolStats::cutoffCategory).orElse(null), p.lotterySchool(), p.lotteryPosition(),
                p.lotteryTied(), p.distanceMeters(), offer.map(OfferStore.Offer::state).orElse(null),
                run.arrivalDeadline(), notices.codeOf(run.id(), p.applicationNo()).orElse(null),
                run.summary().distanceFromZoneSchool().contains(p.applicationNo()));
    }

    /**
     * The admission notice (录取通知书) as a PDF with an embedded CJK font and a QR code linking to
     * {@code verifyBase + "/notices/" + code + "?m=" + hmac}; empty when the child has no notice.
     */
    public Optional<byte[]> noticePdf(String applicationNo, String verifyBase) {
        return resultOf(applicationNo).filter(r -> r.noticeCode() != null)
                .map(r -> pdf.render(r, verifyBase + "/notices/" + r.noticeCode() + "?m=" + notices.mac(r.noticeCode())));
    }

    /**
     * The children of a published run (application number → placed or not), for the module that keeps the
     * applications' statuses; empty for a run that is not published.
     */
    public java.util.Map<String, Boolean> publishedOutcomes(long runId) {
        java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
        if (runs.find(runId).filter(RunRecord::published).isPresent()) {
            runs.placements(runId).forEach(p -> out.put(p.applicationNo(), p.placed()));
        }
        return out;
    }

    /** The public check of a notice: genuine (school, season, grade, date; no personal data) or empty (not found). */
    public Optional<NoticeCodes.Genuine> checkNotice(String code, String mac) {
        return notices.check(code, mac);
    }
}
