package org.xuewei.platform.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.PlatformApplication;
import org.xuewei.platform.application.internal.ApplicationStore;
import org.xuewei.platform.application.internal.Judge;
import org.xuewei.platform.application.internal.ReviewQueueStore;
import org.xuewei.platform.application.internal.ReviewQueueStore.CaseRow;
import org.xuewei.platform.application.internal.SeasonPolicies;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.policy.CategoryRule;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.registry.FactsReport;
import org.xuewei.platform.registry.Registries;
import org.xuewei.platform.registry.ZoneDirectory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The application module's side of the review desk (人工审核): a district's queue, a case with its evidence, and the
 * staff moves on the state machine (approve with a category, request a supplement, reject) plus the parent's
 * "supplement provided". Every move joins the caller's transaction and publishes {@link ApplicationStatusChanged}
 * in it. Permissions, the second reviewer of a rejection and the audit events are the caller's (module review).
 * Another district's application is simply not found.
 */
@Service
public class ReviewDesk {

    private static final Logger log = LoggerFactory.getLogger(ReviewDesk.class);

    /** The state a parent sees for a supplement: the application's number and status, for the parent's own only. */
    public record ParentCase(UUID id, String number, ApplicationStatus status, String districtCode) {
    }

    private final ReviewQueueStore queue;
    private final ApplicationStore store;
    private final Registries registries;
    private final ZoneDirectory zones;
    private final SeasonPolicies policies;
    private final PersonalData personal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewDesk(ReviewQueueStore queue, ApplicationStore store, Registries registries, ZoneDirectory zones,
               SeasonPolicies policies, PersonalData personal, ApplicationEventPublisher events, Clock clock) {
        this.queue = queue;
        this.store = store;
        this.registries = registries;
        this.zones = zones;
        this.policies = policies;
        this.personal = personal;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReviewPage queue(String district, ReviewFilter filter) {
        return queue.queue(district, filter);
    }

    /** The case with what the registries say now (a fresh one-click check; evidence snapshots kept by the registry). */
    public Optional<ReviewCaseFile> caseFile(String district, UUID id) {
        Optional<CaseRow> found = queue.find(id, district);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseRow row = found.get();
        ApplicationStore.ChildRow child = store.childById(row.childId()).orElseThrow();
        String childId = personal.decrypt(child.childCipher());
        FactsReport report = null;
        try {
            report = registries.check(personal.decrypt(row.guardianCipher()), childId, row.grade(), row.season());
        } catch (RuntimeException e) {
            log.warn("registry check for case {} failed: {}", row.number(), e.toString());
        }
        List<ApplicationView.TimelineEntry> timeline = store.steps(row.id()).stream()
                .map(s -> new ApplicationView.TimelineEntry(s.status(), LocalDateTime.ofInstant(s.at(), PlatformApplication.ZONE),
                        Applications.SYSTEM.equals(s.actor()), s.reasons()))
                .toList();
        return Optional.of(new ReviewCaseFile(row.id(), row.number(), row.status(), row.grade(),
                ReviewQueueStore.maskName(child.name()), PersonalData.mask(childId), child.birthDate(),
                schoolName(row.publicSchool()), row.privateSchool() == null ? null : schoolName(row.privateSchool()),
                row.homeKind(), row.categoryCode(), row.points(), row.reasons(), row.note(), timeline,
                report != null && report.complete(),
                report == null ? List.of() : report.statuses().stream().map(s -> new CheckResult.RegistryLine(
                        s.registry().label(), Relation.labelOf(s.subject()), s.outcome())).toList(),
                report == null || report.facts() == null ? List.of() : Judge.facts(report.facts()),
                report == null ? List.of() : report.evidence(),
                categories(district, row.season())));
    }

    /** The categories of the district's policy this season, in rank order. */
    public List<ReviewCaseFile.CategoryOption> categories(String district, int season) {
        return policies.forDistrict(district, season).policy().categories().stream()
                .map(c -> new ReviewCaseFile.CategoryOption(c.code(), c.rank(), c.name(), c.nameEn())).toList();
    }

    /** The child's full ID number; the caller logs who saw it and why. */
    public Optional<String> childIdNumber(String district, UUID id) {
        return queue.find(id, district).flatMap(r -> store.childById(r.childId()))
                .map(c -> personal.decrypt(c.childCipher()));
    }

    /** 审核通过: verified, with the category the reviewer found (one of the district policy's). */
    @Transactional
    public ApplicationStatusChanged approve(String district, UUID id, String categoryCode, String actor) {
        CaseRow row = lock(district, id);
        CategoryRule category = policies.forDistrict(district, row.season()).policy().categories().stream()
                .filter(c -> c.code().equals(categoryCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown category " + categoryCode));
        return move(row, actor, "", category, (a, now) -> a.verify(now, actor));
    }

    /** 要求补充材料, with the message the parent reads. */
    @Transactional
    public ApplicationStatusChanged requestSupplement(String district, UUID id, String message, String actor) {
        return move(lock(district, id), actor, message, null, (a, now) -> a.requestSupplement(now, actor));
    }

    /** 不予通过, with the reason the parent reads (the caller has had it confirmed by a second reviewer). */
    @Transactional
    public ApplicationStatusChanged reject(String district, UUID id, String reason, String actor) {
        return move(lock(district, id), actor, reason, null, (a, now) -> a.reject(now, actor));
    }

    /** Refuses early (same checks as the move) when the application cannot be rejected now. */
    @Transactional(readOnly = true)
    public ApplicationStatus status(String district, UUID id) {
        return queue.find(id, district).map(CaseRow::status).orElseThrow(ApplicationNotFoundException::new);
    }

    /** The parent's own application, or empty (another family's id is not found). */
    @Transactional(readOnly = true)
    public Optional<ParentCase> parentCase(Parent parent, UUID id) {
        return queue.findOwn(id, personal.lookupHash(parent.idNumber()))
                .map(r -> new ParentCase(r.id(), r.number(), r.status(), r.districtCode()));
    }

    /** The parent uploaded what was asked: back to review. */
    @Transactional
    public ApplicationStatusChanged supplementProvided(Parent parent, UUID id) {
        CaseRow row = queue.lockOwn(id, personal.lookupHash(parent.idNumber()))
                .orElseThrow(ApplicationNotFoundException::new);
        return move(row, parent.subject(), "", null, (a, now) -> a.supplementProvided(now, parent.subject()));
    }

    private interface Move {
        void apply(EnrollmentApplication application, Instant now);
    }

    private CaseRow lock(String district, UUID id) {
        return queue.lock(id, district).orElseThrow(ApplicationNotFoundException::new);
    }

    private ApplicationStatusChanged move(CaseRow row, String actor, String message, CategoryRule category, Move move) {
        EnrollmentApplication application = EnrollmentApplication.restore(row.id(), row.number(), row.status(),
                row.reasons(), store.steps(row.id()));
        int known = application.timeline().size();
        Instant now = clock.instant();
        move.apply(application, now); // throws IllegalTransitionException for a move the state machine refuses
        queue.decide(row.id(), application.status(), application.reasons(),
                category == null ? null : category.code(), category == null ? null : category.rank(), now);
        store.appendSteps(row.id(), application.stepsAfter(known));
        ApplicationStatusChanged changed = new ApplicationStatusChanged(row.id(), row.number(), row.districtCode(),
                row.guardianHash(), row.status(), application.status(), message, actor, now);
        events.publishEvent(changed);
        return changed;
    }

    private String schoolName(String code) {
        return zones.school(code).map(ZoneDirectory.School::name).orElse(code);
    }

}
