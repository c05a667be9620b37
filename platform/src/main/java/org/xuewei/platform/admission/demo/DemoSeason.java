package org.xuewei.platform.admission.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.engine.Sha256;
import org.xuewei.platform.admission.AdmissionRefused;
import org.xuewei.platform.admission.AdmissionRuns;
import org.xuewei.platform.admission.Arrivals;
import org.xuewei.platform.admission.LotteryDraws;
import org.xuewei.platform.admission.Publication;
import org.xuewei.platform.admission.store.DrawRecord;
import org.xuewei.platform.admission.store.OfferStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffRole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo's season, moved forward by the city admin so that a newcomer sees every page with real data: to
 * <b>allocation</b> (each district and grade with applications: freeze, commitment, draw with a demo public value —
 * the same ceremony steps as staff take, each audited by the admission module) and to <b>publication</b> (each drawn
 * run published with a seven-day arrival deadline; parents are told through the outbox) and to <b>arrival</b> (报到:
 * most places confirmed by school and parent, a few left, the deadline passed, the places released and the second
 * batch drawn with its own ceremony and public page). Unverified applications
 * are excluded with a stated reason. Only in the demo profile (or with {@code xuewei.admission.demo-advance=true}),
 * only for CITY_ADMIN; the advance itself is one more audit event. Steps already taken are skipped, so advancing
 * twice changes nothing.
 */
@Service
public class DemoSeason {

    private static final Logger log = LoggerFactory.getLogger(DemoSeason.class);
    static final String EXCLUDE_REASON = "演示推进：未完成核验的报名不参加本轮派位";
    static final String PUBLIC_VALUE_NAME = "演示公开值（学位平台演示，不是真实开奖号码）";
    static final Duration ARRIVAL_WINDOW = Duration.ofDays(7);

    /** Where to move the season. */
    public enum Target {
        ALLOCATION, PUBLICATION, ARRIVAL
    }

    /** One district and grade of the season as the demo page shows it. */
    public record Line(String districtCode, String districtName, int grade, int applications, int unverified,
                       String drawState, Long runId, boolean published) {
    }

    /** What one advance did: per district and grade a message key with arguments. */
    public record Step(String districtCode, int grade, String key, Object[] args) {
    }

    private final Districts districts;
    private final AdmissionRuns runs;
    private final LotteryDraws draws;
    private final Publication publication;
    private final AuditLog audit;
    private final Environment environment;
    private final Clock clock;
    private final Arrivals arrivals;
    private final OfferStore offers;
    private final RunStore runStore;
    private final TransactionTemplate tx;

    DemoSeason(Districts districts, AdmissionRuns runs, LotteryDraws draws, Publication publication, AuditLog audit,
               Environment environment, Clock clock, Arrivals arrivals, OfferStore offers, RunStore runStore,
               PlatformTransactionManager transactions) {
        this.arrivals = arrivals;
        this.offers = offers;
        this.runStore = runStore;
        this.tx = new TransactionTemplate(transactions);
        this.districts = districts;
        this.runs = runs;
        this.draws = draws;
        this.publication = publication;
        this.audit = audit;
        this.environment = environment;
        this.clock = clock;
    }

    /** True in the demo profile (or when {@code xuewei.admission.demo-advance} is set). */
    public boolean enabled() {
        return environment.matchesProfiles("demo")
                || environment.getProperty("xuewei.admission.demo-advance", Boolean.class, false);
    }

    /** The season the parents apply for (as the application module computes it: next year from September). */
    public int season() {
        int configured = environment.getProperty("xuewei.application.season", Integer.class, 0);
        if (configured > 0) {
            return configured;
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }

    public List<Line> lines(int season) {
        List<Line> out = new ArrayList<>();
        for (District d : districts.all()) {
            for (int grade : new int[] {1, 7}) {
                int[] counts = runs.applicationCounts(d.code(), season, grade);
                Optional<DrawRecord> draw = latestDraw(d.code(), season, grade);
                Optional<RunRecord> published = runs.runs(d.code(), season, grade).stream()
                        .filter(RunRecord::published).findFirst();
                out.add(new Line(d.code(), d.name(), grade, counts[0], counts[1], draw.map(DrawRecord::state).orElse(null),
                        published.map(RunRecord::id).or(() -> draw.map(DrawRecord::runId)).orElse(null),
                        published.isPresent()));
            }
        }
        return out;
    }

    /** Moves every district and grade with applications to {@code target}; one refusal does not stop the others. */
    public List<Step> advance(StaffAccount by, int season, Target target) {
        if (!enabled()) {
            throw new AdmissionRefused("admission.demo.refused.not-demo");
        }
        if (by == null || !by.enabled() || by.role() != StaffRole.CITY_ADMIN) {
            throw new AccessDeniedException("the demo season is moved by the city admin only");
        }
        List<Step> steps = new ArrayList<>();
        for (District d : districts.all()) {
            for (int grade : new int[] {1, 7}) {
                try {
                    steps.add(advance(by, d.code(), season, grade, target));
                } catch (AdmissionRefused e) {
                    steps.add(new Step(d.code(), grade, e.key(), e.args()));
                } catch (RuntimeException e) {
                    log.warn("demo advance {} {} G{} failed", d.code(), season, grade, e);
                    steps.add(new Step(d.code(), grade, "admission.demo.step.failed", new Object[] {e.getClass().getSimpleName()}));
                }
            }
        }
        long moved = steps.stream().filter(s -> s.key().equals("admission.demo.step.drawn")
                || s.key().equals("admission.demo.step.published") || s.key().equals("admission.demo.step.arrival")
                || s.key().equals("admission.demo.step.arrival-no-batch")).count();
        audit.record(new AuditEntry(by.username(), "admission.demo.advance", "admission.season:" + season, "",
                target + ": " + moved + " district grades moved; " + steps.stream()
                        .map(s -> s.districtCode() + "/G" + s.grade() + " " + s.key().substring(s.key().lastIndexOf('.') + 1))
                        .toList()));
        return steps;
    }

    private Step advance(StaffAccount by, String district, int season, int grade, Target target) {
        if (target == Target.ARRIVAL) {
            return arrival(by, district, season, grade);
        }
        if (runs.runs(district, season, grade).stream().anyMatch(RunRecord::published)) {
            return new Step(district, grade, "admission.demo.step.already-published", new Object[0]);
        }
        int[] counts = runs.applicationCounts(district, season, grade);
        if (counts[0] - counts[1] <= 0) {
            return new Step(district, grade, "admission.demo.step.no-applications", new Object[] {counts[0]});
        }
        long runId = drawn(by, district, season, grade, counts[1]);
        if (target == Target.ALLOCATION) {
            return new Step(district, grade, "admission.demo.step.drawn", new Object[] {runId});
        }
        publication.publish(by, runId, clock.instant().plus(ARRIVAL_WINDOW));
        return new Step(district, grade, "admission.demo.step.published", new Object[] {runId});
    }

    /**
     * 报到 in the demo, after publication (published first if needed): most placed children are confirmed by school
     * and parent, about one in ten is left unconfirmed, the deadline passes (moved to now), the unconfirmed places are
     * released and the second batch is frozen, committed and drawn like any draw. Done once per run.
     */
    private Step arrival(StaffAccount by, String district, int season, int grade) {
        Optional<RunRecord> found = runs.runs(district, season, grade).stream().filter(RunRecord::published).findFirst();
        if (found.isEmpty()) {
            Step published = advance(by, district, season, grade, Target.PUBLICATION);
            if (!published.key().equals("admission.demo.step.published")) {
                return published;
            }
            found = runs.run((Long) published.args()[0]);
        }
        RunRecord run = found.orElseThrow();
        List<DrawRecord> batches = arrivals.secondBatches(run.id());
        if (batches.stream().anyMatch(DrawRecord::drawn)) {
            return new Step(district, grade, "admission.demo.step.arrival-done", new Object[] {run.id()});
        }
        int[] confirmed = {0, 0};
        if (batches.isEmpty() && clock.instant().isBefore(run.arrivalDeadline())) {
            tx.executeWithoutResult(status -> {
                Instant now = clock.instant();
                for (OfferStore.Offer o : offers.offers(run.id())) {
                    if (!"OFFERED".equals(o.state())) {
                        continue;
                    }
                    if (leftUnconfirmed(o.applicationNo())) {
                        confirmed[1]++;
                    } else if (offers.confirmBySchool(run.id(), o.applicationNo(), now)
                            && offers.confirmByParent(run.id(), o.applicationNo(), now)) {
                        confirmed[0]++;
                    }
                }
                offers.closeArrival(run.id(), now);
                runStore.closeArrival(run.id(), now);
                audit.record(new AuditEntry(by.username(), "admission.demo.arrival", "admission.run:" + run.id(), "",
                        "demo: " + confirmed[0] + " offers confirmed by school and parent, " + confirmed[1]
                                + " left unconfirmed; arrival deadline moved to " + now));
            });
        }
        Arrivals.Release release = arrivals.releaseAndSecondBatch(by, run.id());
        if (release.drawId() == null) {
            return new Step(district, grade, "admission.demo.step.arrival-no-batch",
                    new Object[] {confirmed[0], release.releasedSeats()});
        }
        DrawRecord draw = draws.find(release.drawId()).orElseThrow();
        if ("FROZEN".equals(draw.state())) {
            draws.commit(by, draw.id(), PUBLIC_VALUE_NAME);
        }
        draws.draw(by, draw.id(), "demo " + season + " " + district + " G" + grade + " batch " + draw.batch(),
                List.of("demo witness"));
        int placed = (int) offers.offers(run.id()).stream().filter(o -> o.batch() == draw.batch()).count();
        return new Step(district, grade, "admission.demo.step.arrival",
                new Object[] {confirmed[0], release.releasedSeats(), draw.code(), placed});
    }

    /** About one placed child in ten (fixed by the application number) is left unconfirmed in the demo. */
    public static boolean leftUnconfirmed(String applicationNo) {
        return Integer.parseInt(Sha256.hexOf("xuewei-demo-arrival\n" + applicationNo).substring(0, 2), 16) < 26;
    }

    /** The final run of the latest draw, taking whatever ceremony steps are left. */
    private long drawn(StaffAccount by, String district, int season, int grade, int unverified) {
        DrawRecord draw = latestDraw(district, season, grade).orElse(null);
        if (draw == null) {
            long id = draws.freeze(by, district, season, grade, unverified > 0 ? EXCLUDE_REASON : "");
            draw = draws.find(id).orElseThrow();
        }
        if (draw.drawn()) {
            return draw.runId();
        }
        if ("FROZEN".equals(draw.state())) {
            draws.commit(by, draw.id(), PUBLIC_VALUE_NAME);
        }
        String value = "demo " + season + " " + district + " G" + grade;
        return draws.draw(by, draw.id(), value, List.of("demo witness"));
    }

    private Optional<DrawRecord> latestDraw(String district, int season, int grade) {
        return draws.draws(district, season, grade).stream().filter(d -> !d.secondBatch()).max(java.util.Comparator.comparingLong(DrawRecord::id));
    }
}
