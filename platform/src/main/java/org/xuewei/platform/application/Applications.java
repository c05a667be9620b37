package org.xuewei.platform.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.application.CheckResult.HomeOption;
import org.xuewei.platform.application.CheckResult.RegistryLine;
import org.xuewei.platform.application.CheckResult.SchoolChoice;
import org.xuewei.platform.application.internal.ApplicationStore;
import org.xuewei.platform.application.internal.ApplicationStore.ApplicationRow;
import org.xuewei.platform.application.internal.ApplicationStore.ChildRow;
import org.xuewei.platform.application.internal.CandidateFacts;
import org.xuewei.platform.application.internal.Judge;
import org.xuewei.platform.application.internal.NewestEntries;
import org.xuewei.platform.application.internal.RecentChildren;
import org.xuewei.platform.application.internal.SubmissionWriter;
import org.xuewei.platform.PlatformApplication;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.policy.Evaluation;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.registry.EnrollableChild;
import org.xuewei.platform.registry.FactsReport;
import org.xuewei.platform.registry.Household;
import org.xuewei.platform.registry.Registries;
import org.xuewei.platform.registry.ZoneDirectory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The parent's use cases: the children of enrollment age, the one-click check, submitting (idempotent, one active
 * application per child and season, checks at submission), reading an application, and the automatic verification
 * of applications taken while a registry was down. Every look-at of a child's data is written to the audit log.
 */
@Service
public class Applications {

    private static final Logger log = LoggerFactory.getLogger(Applications.class);
    static final String SYSTEM = "system";

    private final Registries registries;
    private final ApplicationStore store;
    private final Judge judge;
    private final ZoneDirectory zones;
    private final PersonalData personal;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ApplicationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CandidateFacts candidateFacts;
    private final SubmissionWriter writer;

    Applications(Registries registries, ApplicationStore store, Judge judge, ZoneDirectory zones, PersonalData personal,
                 AuditLog audit, TransactionTemplate tx, ApplicationProperties properties, ApplicationEventPublisher events,
                 Clock clock, CandidateFacts candidateFacts, SubmissionWriter writer) {
        this.candidateFacts = candidateFacts;
        this.writer = writer;
        this.registries = registries;
        this.store = store;
        this.judge = judge;
        this.zones = zones;
        this.personal = personal;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.recentChildren = new RecentChildren(properties.reuseCheckFor(), clock);
    }

    /**
     * A complete check's answers, reused by a submission shortly after it (per instance, bounded), with the homes
     * judged from them once the check has listed them (null until then), and whether the check found the child's
     * active application (null until it asked).
     */
    private record RecentCheck(Instant at, FactsReport report, List<Judge.Home> homes, Boolean active) {

        RecentCheck with(List<Judge.Home> homes) {
            return new RecentCheck(at, report, homes, active);
        }

        RecentCheck withActive(boolean active) {
            return new RecentCheck(at, report, homes, active);
        }
    }

    private final Map<String, RecentCheck> recentChecks = NewestEntries.atMost(10_000);

    /** A household found in the hukou registry, listed again without asking while it is recent (as a check is). */
    private record RecentHousehold(Instant at, Household household) {
    }

    private final Map<String, RecentHousehold> recentHouseholds = NewestEntries.atMost(10_000);

    /** The children listed or checked a moment ago: the check and the submission that follow read no row again. */
    private final RecentChildren recentChildren;

    private static String checkKey(ChildRow child) {
        return child.guardianHash() + ":" + child.childHash() + ":" + child.season();
    }

    /**
     * The family's homes judged from this report: the ones the check listed when the report is that check's, else
     * judged now (and kept with the report for the submission that follows).
     */
    private List<Judge.Home> homes(ChildRow child, FactsReport report, Locale locale) {
        String key = checkKey(child);
        RecentCheck recent = recentChecks.get(key);
        if (recent != null && recent.report() == report && recent.homes() != null) {
            return recent.homes();
        }
        List<Judge.Home> homes = judge.homes(report.facts(), child.season(), locale);
        if (recent != null && recent.report() == report) {
            recentChecks.replace(key, recent, recent.with(homes));
        }
        return homes;
    }

    /**
     * The key of the home a submission will choose ({@link #chooseHome}) from the homes a recent check listed for the
     * child, or null when there is no such check.
     */
    private String predictedHome(ChildRow child, String homeId) {
        RecentCheck recent = recentChecks.get(checkKey(child));
        if (recent == null || recent.homes() == null || !recent.at().isAfter(clock.instant().minus(properties.reuseCheckFor()))) {
            return null;
        }
        boolean any = homeId == null || homeId.isBlank();
        return recent.homes().stream()
                .filter(h -> any ? !h.option().schools().isEmpty() : h.option().id().equals(homeId))
                .findFirst().map(Judge.Home::key).orElse(null);
    }

    /**
     * Whether the recent check of the child (the one whose answers a submission now reuses) found no active
     * application for it.
     */
    private boolean recentlyWithoutApplication(ChildRow child) {
        RecentCheck recent = recentChecks.get(checkKey(child));
        return recent != null && Boolean.FALSE.equals(recent.active())
                && recent.at().isAfter(clock.instant().minus(properties.reuseCheckFor()));
    }

    /** What the check of this report found of the child's active application (kept with the report). */
    private void seenActive(ChildRow child, FactsReport report, boolean active) {
        recentChecks.computeIfPresent(checkKey(child), (k, r) -> r.report() == report ? r.withActive(active) : r);
    }

    private FactsReport facts(String guardianId, ChildRow child, boolean reuse) {
        String key = checkKey(child);
        Instant now = clock.instant();
        RecentCheck recent = recentChecks.get(key);
        if (reuse && recent != null && recent.at().isAfter(now.minus(properties.reuseCheckFor()))) {
            return recent.report();
        }
        FactsReport report = registries.check(guardianId, personal.decrypt(child.childCipher()), child.grade(), child.season());
        if (report.complete() && !properties.reuseCheckFor().isZero()) {
            recentChecks.put(key, new RecentCheck(now, report, null, null));
        } else {
            recentChecks.remove(key);
        }
        return report;
    }

    /** The entry year of the season being applied for. */
    public int season() {
        if (properties.season() > 0) {
            return properties.season();
        }
        LocalDate today = LocalDate.now(clock);
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }

    /**
     * The parent's children of enrollment age: asks the hukou registry (the household and its members) and remembers
     * them; when the registry does not answer, the children seen before.
     */
    public List<ChildSummary> children(Parent parent, String clientIp) {
        int season = season();
        String guardian = personal.lookupHash(parent.idNumber());
        Instant now = clock.instant();
        String key = guardian + ":" + season;
        RecentHousehold recent = recentHouseholds.get(key);
        Household household;
        if (recent != null && recent.at().isAfter(now.minus(properties.reuseCheckFor()))) {
            // listed a moment ago (the page loaded again, the parent came back): the registry is not asked again and
            // the children are already kept
            household = recent.household();
        } else {
            household = registries.household(parent.idNumber(), season);
            for (EnrollableChild c : household.children()) {
                store.saveChild(guardian, personal.lookupHash(c.idNumber()), personal.encrypt(c.idNumber()), c.name(),
                        c.birthDate(), c.grade(), season, c.source().name(), now);
            }
            if (household.outcome() == org.xuewei.platform.registry.LookupOutcome.FOUND && !properties.reuseCheckFor().isZero()) {
                recentHouseholds.put(key, new RecentHousehold(now, household));
            } else {
                recentHouseholds.remove(key);
            }
        }
        audit.record(new AuditEntry(parent.subject(), "application.children.viewed", "guardian:" + guardian.substring(0, 16),
                clientIp, household.outcome().name()));
        List<ChildRow> rows = store.childrenOf(guardian, season);
        recentChildren.remember(rows);
        return rows.stream().map(this::summary).toList();
    }

    /**
     * A child outside the parent's household, added by ID number: kept only when the registries show the guardianship
     * (hukou relation, marriage registration); otherwise the same refusal whether the child exists or not.
     */
    public ChildSummary addChild(Parent parent, String idNumber, String clientIp) {
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        if (!Registries.wellFormed(id)) {
            throw new ApplicationRefusedException("application.error.id-number", false);
        }
        int season = season();
        Household found = registries.guardianship(parent.idNumber(), id, season);
        audit.record(new AuditEntry(parent.subject(), "application.child.added", "child:" + personal.lookupHash(id).substring(0, 16),
                clientIp, found.outcome().name()));
        if (found.outcome() == org.xuewei.platform.registry.LookupOutcome.UNAVAILABLE) {
            throw new ApplicationRefusedException("application.error.registry-unavailable", false);
        }
        if (found.children().isEmpty()) {
            throw new ApplicationRefusedException("application.error.not-guardian", false);
        }
        EnrollableChild c = found.children().get(0);
        String guardian = personal.lookupHash(parent.idNumber());
        UUID ref = store.saveChild(guardian, personal.lookupHash(c.idNumber()), personal.encrypt(c.idNumber()), c.name(),
                c.birthDate(), c.grade(), season, c.source().name(), clock.instant());
        ChildRow row = store.child(ref, guardian).orElseThrow();
        recentChildren.remember(List.of(row));
        return summary(row);
    }

    /** 学位信息一键查 for one of the parent's children. */
    public CheckResult check(Parent parent, UUID childRef, Locale locale, String clientIp) {
        ChildRow child = ownChild(parent, childRef);
        ApplicationStore.ChildState state = null;
        int season = child.season();
        FactsReport report = facts(parent.idNumber(), child, false);
        audit.record(new AuditEntry(parent.subject(), "application.check.viewed", "child:" + child.id(), clientIp,
                "registries " + report.statuses().size() + (report.complete() ? "" : ", incomplete")));
        List<Judge.Home> homes = homes(child, report, locale);
        List<ReviewReason> problems = List.of();
        String district = null;
        Optional<Judge.Home> first = homes.stream().filter(h -> !h.option().schools().isEmpty()).findFirst();
        if (first.isPresent()) {
            SchoolChoice school = first.get().option().schools().get(0);
            // listed homes only name schools of the directory
            ZoneDirectory.School zoned = zones.school(school.code()).orElseThrow();
            district = zoned.districtCode();
            Evaluation e = judge.evaluate(first.get(), report.facts(), zoned, season);
            // the child's active application (for the summary) and the home's use by another family: one query
            state = store.childState(child.childHash(), season, child.grade(), child.guardianHash(), first.get().key());
            seenActive(child, report, state.active().isPresent());
            boolean used = state.homeUsed();
            problems = report.complete() ? judge.checks(report, e, season, district, first.get(), used) : List.of();
        }
        List<SchoolChoice> privates = district == null ? List.of() : zones.privateSchools(district, child.grade()).stream()
                .map(s -> new SchoolChoice(s.code(), s.name(), s.warning(), null, 0, null, List.of())).toList();
        ChildSummary summary = state == null ? summary(child) : summary(child, state.active());
        return new CheckResult(summary, season, report.complete(),
                report.statuses().stream().map(s -> new RegistryLine(s.registry().label(), Relation.labelOf(s.subject()), s.outcome())).toList(),
                Judge.facts(report.facts()), homes.stream().map(Judge.Home::option).toList(), privates, problems,
                district == null ? "" : judge.policyName(district, season),
                district == null || judge.collecting(district, season, child.grade(), LocalDateTime.now(clock)));
    }

    /** Submit (or find the submission already made with this key, or the child's active application). */
    public ApplicationView submit(Parent parent, UUID childRef, SubmitRequest request, String clientIp) {
        if (request.idempotencyKey() == null || request.idempotencyKey().isBlank() || request.idempotencyKey().length() > 100) {
            throw new ApplicationRefusedException("application.error.idempotency-key", false);
        }
        if (!request.consent()) {
            throw new ApplicationRefusedException("application.error.consent", false);
        }
        String note = request.note() == null ? "" : request.note().strip();
        if (note.length() > 500) {
            throw new ApplicationRefusedException("application.error.note-too-long", false);
        }
        ChildRow child = ownChild(parent, childRef);
        String guardian = child.guardianHash();
        String key = request.idempotencyKey();
        // a complete check a moment ago found no active application for the child: the submission is judged on its
        // answers and handed to the writer without reading the child's applications again. The writer asks whether
        // another family uses the home in its transaction; a repeated key and a second active application are refused
        // by the database's unique indexes (answered below as if found first)
        boolean checked = recentlyWithoutApplication(child);
        String predictedHome = null;
        boolean predictedUsed = false;
        if (!checked) {
            // the home the submission will use when its check listed the homes a moment ago (in memory): whether
            // another family uses it is asked in the same query
            predictedHome = predictedHome(child, request.homeId());
            ApplicationStore.Existing existing = store.existing(guardian, key, child.childHash(), child.season(),
                    child.grade(), predictedHome);
            Optional<ApplicationView> made = made(existing, guardian);
            if (made.isPresent()) {
                return made.get();
            }
            predictedUsed = existing.homeUsed();
        }
        int season = child.season();
        FactsReport report = facts(parent.idNumber(), child, true);
        Choices choices;
        try {
            choices = choices(report, child, request);
            requireOpenWindow(choices.school(), child);
        } catch (ApplicationRefusedException refused) {
            if (checked) {
                // as without the check: a submission already made is answered before the refusal
                Optional<ApplicationView> made = made(store.existing(guardian, key, child.childHash(), season,
                        child.grade(), null), guardian);
                if (made.isPresent()) {
                    return made.get();
                }
            }
            throw refused;
        }
        Judge.Home home = choices.home();
        Draft draft = new Draft(parent, child, request.idempotencyKey(), note, clientIp, report, choices,
                UUID.randomUUID(), store.nextNumber(season, child.grade()), clock.instant());
        SubmissionWriter.Submission written;
        try {
            // written with the submissions handed in at the same moment, in one transaction; returns after the commit
            written = writer.write(draft.judged(home.key().equals(predictedHome) && predictedUsed));
        } catch (DuplicateKeyException raced) {
            // a double tap that raced past the checks above, or a repeated key: the other request made the application
            return store.byIdempotencyKey(guardian, key)
                    .or(() -> store.activeFor(child.childHash(), season).filter(a -> a.guardianHash().equals(guardian)))
                    .map(a -> view(a, false))
                    .orElseThrow(() -> new ApplicationRefusedException("application.error.duplicate", true));
        }
        // the check's answers have served their submission: dropped now rather than kept for minutes (a minor's family
        // facts held no longer than needed; under load, thousands of kept checks outlived young collections and made
        // every pause copy them). A later check or submission asks again and finds this application
        recentChecks.remove(checkKey(child));
        // what was just written, from memory (reading it back cost three more queries per submission)
        return view(written.row(), child, written.steps(), true);
    }

    /**
     * The submission already made with this key, or the child's active application when it is the guardian's: its
     * view; a refusal when another guardian's application is active; empty when there is none.
     */
    private Optional<ApplicationView> made(ApplicationStore.Existing existing, String guardian) {
        if (existing.sameKey().isPresent()) {
            return Optional.of(view(existing.sameKey().get(), false));
        }
        Optional<ApplicationRow> active = existing.active();
        if (active.isPresent()) {
            if (active.get().guardianHash().equals(guardian)) {
                return Optional.of(view(active.get(), false));
            }
            throw new ApplicationRefusedException("application.error.duplicate", true);
        }
        return Optional.empty();
    }

    /**
     * A new application, everything but its judgement decided: judged on whether another family uses its home, and
     * judged again by the writer when that was not so.
     */
    private final class Draft {
        private final Parent parent;
        private final ChildRow child;
        private final String key;
        private final String note;
        private final String clientIp;
        private final FactsReport report;
        private final Choices choices;
        private final UUID id;
        private final String number;
        private final Instant now;

        Draft(Parent parent, ChildRow child, String key, String note, String clientIp, FactsReport report,
              Choices choices, UUID id, String number, Instant now) {
            this.parent = parent;
            this.child = child;
            this.key = key;
            this.note = note;
            this.clientIp = clientIp;
            this.report = report;
            this.choices = choices;
            this.id = id;
            this.number = number;
            this.now = now;
        }

        SubmissionWriter.Submission judged(boolean homeUsed) {
            Judge.Home home = choices.home();
            ZoneDirectory.School school = choices.school();
            String guardian = child.guardianHash();
            EnrollmentApplication application = EnrollmentApplication.submit(id, number, now, parent.subject());
            Judgement judgement = judge(application, report, home, school, child, child.season(), now, parent.subject(),
                    homeUsed);
            ApplicationRow row = new ApplicationRow(id, number, child.id(), child.childHash(), guardian,
                    personal.encrypt(parent.idNumber()), child.season(), child.grade(), application.status(),
                    school.districtCode(), school.code(), choices.privateSchool(), home.option().kind(), home.option().id(),
                    home.key(), judgement.categoryCode(), judgement.rank(), judgement.points(), judgement.policyRef(),
                    application.reasons(), note, key, now, now);
            return new SubmissionWriter.Submission(row, application.timeline(),
                    new CandidateFacts.Recorded(id, report.facts(), school.code(), schoolCodes(home), now),
                    new ApplicationStatusChanged(id, number, row.districtCode(), guardian,
                            ApplicationStatus.SUBMITTED, application.status(), "", parent.subject(), now),
                    new AuditEntry(parent.subject(), "application.submitted", number, clientIp,
                            application.status().name() + " " + application.reasons()),
                    report.complete() ? homeUsed : null, this::judged);
        }
    }

    /**
     * The parent changes an application (home, public option, private school, note) while it may still change: it is
     * submitted again and judged again; the timeline keeps every step.
     */
    public ApplicationView amend(Parent parent, UUID id, SubmitRequest request, String clientIp) {
        if (!request.consent()) {
            throw new ApplicationRefusedException("application.error.consent", false);
        }
        String note = request.note() == null ? "" : request.note().strip();
        if (note.length() > 500) {
            throw new ApplicationRefusedException("application.error.note-too-long", false);
        }
        ApplicationRow row = store.application(id, personal.lookupHash(parent.idNumber()))
                .orElseThrow(ApplicationNotFoundException::new);
        if (!row.status().amendable()) {
            throw new ApplicationRefusedException("application.error.not-amendable", false);
        }
        ChildRow child = store.childById(row.childId()).orElseThrow();
        FactsReport report = facts(parent.idNumber(), child, true);
        Choices choices = choices(report, child, request);
        requireOpenWindow(choices.school(), child);
        if (choices.home().option().id().equals(row.homeRef()) && choices.school().code().equals(row.publicSchool())
                && java.util.Objects.equals(choices.privateSchool(), row.privateSchool()) && note.equals(row.note())) {
            return view(row, false);
        }
        EnrollmentApplication application = store.aggregate(row);
        int known = application.timeline().size();
        ApplicationStatus before = application.status();
        Instant now = clock.instant();
        application.resubmit(now, parent.subject());
        Judgement judgement = judge(application, report, choices.home(), choices.school(), child, row.season(), now,
                parent.subject());
        tx.executeWithoutResult(status -> {
            store.updateChoices(row.id(), choices.school().districtCode(), choices.school().code(), choices.privateSchool(),
                    choices.home().option().kind(), choices.home().option().id(), choices.home().key(), note, now);
            store.updateJudgement(row.id(), application.status(), application.reasons(), judgement.categoryCode(),
                    judgement.rank(), judgement.points(), judgement.policyRef(), now);
            store.appendSteps(row.id(), application.stepsAfter(known));
            candidateFacts.record(row.id(), report.facts(), choices.school().code(), schoolCodes(choices.home()), now);
            audit.record(new AuditEntry(parent.subject(), "application.amended", row.number(), clientIp,
                    row.homeRef() + " " + row.publicSchool() + " " + row.privateSchool() + " → " + choices.home().option().id()
                            + " " + choices.school().code() + " " + choices.privateSchool()));
            events.publishEvent(new ApplicationStatusChanged(row.id(), row.number(), choices.school().districtCode(),
                    row.guardianHash(), before, application.status(), "", parent.subject(), now));
        });
        return view(store.application(id, row.guardianHash()).orElseThrow(), false);
    }

    /** Applications and changes only while the district's window (信息采集) is open. */
    private void requireOpenWindow(ZoneDirectory.School school, ChildRow child) {
        if (!judge.collecting(school.districtCode(), child.season(), child.grade(), LocalDateTime.now(clock))) {
            throw new ApplicationRefusedException("application.error.window-closed", false);
        }
    }

    private record Choices(Judge.Home home, ZoneDirectory.School school, String privateSchool) {
    }

    /** The home, zoned public school and private school asked for, checked against what the registries say. */
    private Choices choices(FactsReport report, ChildRow child, SubmitRequest request) {
        List<Judge.Home> homes = homes(child, report, Locale.SIMPLIFIED_CHINESE);
        Judge.Home home = chooseHome(homes, request.homeId(), report.complete());
        String publicSchool = chooseSchool(home, request.publicSchool());
        ZoneDirectory.School school = zones.school(publicSchool)
                .orElseThrow(() -> new ApplicationRefusedException("application.error.school", false));
        String privateSchool = blankToNull(request.privateSchool());
        if (privateSchool != null && zones.privateSchools(school.districtCode(), child.grade()).stream()
                .noneMatch(s -> s.code().equals(privateSchool))) {
            throw new ApplicationRefusedException("application.error.private-school", false);
        }
        return new Choices(home, school, privateSchool);
    }

    /** One of the parent's applications. */
    public ApplicationView application(Parent parent, UUID id, String clientIp) {
        ApplicationRow row = store.application(id, personal.lookupHash(parent.idNumber()))
                .orElseThrow(ApplicationNotFoundException::new);
        audit.record(new AuditEntry(parent.subject(), "application.viewed", row.number(), clientIp, ""));
        return view(row, false);
    }

    /**
     * Applications taken while a registry was down are verified again until every registry answers; nothing is
     * asked of the parent twice. The least recently tried go first, so one that keeps failing never blocks the rest.
     *
     * @return how many were decided
     */
    @Scheduled(fixedDelayString = "${xuewei.application.reverify-every:PT1M}", initialDelayString = "PT30S")
    public int reverifyPending() {
        int decided = 0;
        for (ApplicationRow row : store.pending(200)) {
            try {
                if (reverify(row)) {
                    decided++;
                } else {
                    store.touch(row.id(), clock.instant());
                }
            } catch (RuntimeException e) {
                log.warn("re-verification of {} failed: {}", row.number(), e.toString());
                store.touch(row.id(), clock.instant());
            }
        }
        return decided;
    }

    /** Verifies one pending application again now (tests; a parent-facing "check again" could use it). */
    boolean reverifyNow(UUID applicationId) {
        return store.pendingById(applicationId).map(this::reverify).orElse(false);
    }

    private boolean reverify(ApplicationRow row) {
        ChildRow child = store.childById(row.childId()).orElseThrow();
        FactsReport report = registries.check(personal.decrypt(row.guardianCipher()), personal.decrypt(child.childCipher()),
                row.grade(), row.season());
        if (!report.complete()) {
            return false;
        }
        List<Judge.Home> homes = judge.homes(report.facts(), row.season(), Locale.SIMPLIFIED_CHINESE);
        Judge.Home home = homes.stream().filter(h -> h.option().id().equals(row.homeRef())).findFirst()
                .or(() -> homes.stream().filter(h -> h.key().equals(row.homeKey())).findFirst())
                .orElse(null);
        ZoneDirectory.School school = zones.school(row.publicSchool()).orElseThrow();
        EnrollmentApplication application = store.aggregate(row);
        int known = application.timeline().size();
        Instant now = clock.instant();
        Judgement judgement = judge(application, report, home, school, child, row.season(), now, SYSTEM);
        tx.executeWithoutResult(status -> {
            store.updateJudgement(row.id(), application.status(), application.reasons(), judgement.categoryCode(),
                    judgement.rank(), judgement.points(), judgement.policyRef(), now);
            store.appendSteps(row.id(), application.stepsAfter(known));
            candidateFacts.record(row.id(), report.facts(), row.publicSchool(), schoolCodes(home), now);
            audit.record(new AuditEntry(SYSTEM, "application.reverified", row.number(), "", application.status().name()));
            events.publishEvent(new ApplicationStatusChanged(row.id(), row.number(), row.districtCode(), row.guardianHash(),
                    ApplicationStatus.PENDING_VERIFICATION, application.status(), "", SYSTEM, now));
        });
        return true;
    }

    private record Judgement(String categoryCode, int rank, Double points, String policyRef) {
        static final Judgement NONE = new Judgement(null, 0, null, null);
    }

    /** Machine verification: pending when a registry is down, else verified or sent to review with the reasons. */
    private Judgement judge(EnrollmentApplication application, FactsReport report, Judge.Home home, ZoneDirectory.School school,
                            ChildRow child, int season, Instant now, String actor) {
        return judge(application, report, home, school, child, season, now, actor, null);
    }

    /** @param homeUsed whether another family uses the home, when already known; {@code null}: asked here */
    private Judgement judge(EnrollmentApplication application, FactsReport report, Judge.Home home, ZoneDirectory.School school,
                            ChildRow child, int season, Instant now, String actor, Boolean homeUsed) {
        if (!report.complete()) {
            application.awaitVerification(now, actor);
            return Judgement.NONE;
        }
        Evaluation e = judge.evaluate(home, report.facts(), school, season);
        boolean used = home != null && (homeUsed != null ? homeUsed : store.homeUsedByAnotherFamily(home.key(), season,
                child.grade(), child.guardianHash(), child.childHash()));
        List<ReviewReason> reasons = judge.checks(report, e, season, school.districtCode(), home, used);
        if (reasons.isEmpty()) {
            application.verify(now, actor);
        } else {
            application.sendToReview(reasons, now, actor);
        }
        return new Judgement(e.category().code(), e.category().rank(), e.points() == null ? null : e.points().total(),
                e.policy().toString());
    }

    /**
     * The home asked for, else the first with a zoned school. None while a registry did not answer: that is not "no
     * zoned home" (the property or rental registry may hold it), so the parent is asked to try again.
     */
    private static Judge.Home chooseHome(List<Judge.Home> homes, String homeId, boolean complete) {
        if (homeId != null && !homeId.isBlank()) {
            return homes.stream().filter(h -> h.option().id().equals(homeId)).findFirst()
                    .orElseThrow(() -> new ApplicationRefusedException("application.error.home", false));
        }
        return homes.stream().filter(h -> !h.option().schools().isEmpty()).findFirst()
                .orElseThrow(() -> new ApplicationRefusedException(
                        complete ? "application.error.no-home" : "application.error.registry-unavailable", false));
    }

    private static String chooseSchool(Judge.Home home, String requested) {
        List<SchoolChoice> schools = home.option().schools();
        if (requested == null || requested.isBlank()) {
            if (schools.isEmpty()) {
                throw new ApplicationRefusedException("application.error.no-home", false);
            }
            return schools.get(0).code();
        }
        return schools.stream().map(SchoolChoice::code).filter(requested::equals).findFirst()
                .orElseThrow(() -> new ApplicationRefusedException("application.error.school", false));
    }

    /** The parent's own child (another family's id is not found), as read a moment ago or now. */
    private ChildRow ownChild(Parent parent, UUID ref) {
        String guardian = personal.lookupHash(parent.idNumber());
        Optional<ChildRow> recent = recentChildren.get(ref, guardian);
        if (recent.isPresent()) {
            return recent.get();
        }
        ChildRow row = store.child(ref, guardian).orElseThrow(ApplicationNotFoundException::new);
        recentChildren.remember(List.of(row));
        return row;
    }

    private ChildSummary summary(ChildRow c) {
        return summary(c, store.activeFor(c.childHash(), c.season()));
    }

    /** @param active the child's active application, whoever made it */
    private ChildSummary summary(ChildRow c, Optional<ApplicationRow> active) {
        Optional<ApplicationRow> a = active.filter(r -> r.guardianHash().equals(c.guardianHash()));
        return new ChildSummary(c.id(), c.name(), PersonalData.mask(personal.decrypt(c.childCipher())), c.grade(), c.birthDate(),
                a.map(ApplicationRow::id).orElse(null), a.map(ApplicationRow::number).orElse(null),
                a.map(ApplicationRow::status).orElse(null), c.foundIn());
    }

    private ApplicationView view(ApplicationRow row, boolean created) {
        ChildRow child = store.childById(row.childId()).orElseThrow();
        return view(row, summary(child), store.aggregate(row).timeline(), created);
    }

    /** A new application is the child's active one: its summary needs no look-up. */
    private ApplicationView view(ApplicationRow row, ChildRow child, List<EnrollmentApplication.Step> timeline,
                                 boolean created) {
        return view(row, new ChildSummary(child.id(), child.name(), PersonalData.mask(personal.decrypt(child.childCipher())),
                child.grade(), child.birthDate(), row.id(), row.number(), row.status(), child.foundIn()), timeline, created);
    }

    private ApplicationView view(ApplicationRow row, ChildSummary summary, List<EnrollmentApplication.Step> timeline,
                                 boolean created) {
        String home = row.homeRef();
        return new ApplicationView(row.id(), row.number(), row.status(), summary,
                zones.school(row.publicSchool()).map(ZoneDirectory.School::name).orElse(row.publicSchool()),
                row.privateSchool() == null ? null : zones.school(row.privateSchool()).map(ZoneDirectory.School::name).orElse(row.privateSchool()),
                home, row.categoryCode(), row.points(), row.reasons(), timeline.stream().map(step -> new ApplicationView.TimelineEntry(
                        step.status(), LocalDateTime.ofInstant(step.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS), PlatformApplication.ZONE), SYSTEM.equals(step.actor()),
                        step.reasons())).toList(), row.note(), row.submittedAt(), created);
    }


    private static List<String> schoolCodes(Judge.Home home) {
        return home == null ? List.of() : home.option().schools().stream().map(SchoolChoice::code).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
