package org.xuewei.platform.application.integration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.admission.AdmissionCandidate;
import org.xuewei.platform.admission.AdmissionCandidates;
import org.xuewei.platform.admission.AdmissionRuns;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ApplicationView;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.application.ChildSummary;
import org.xuewei.platform.application.SubmitRequest;
import org.xuewei.platform.catalog.CatalogImport;
import org.xuewei.platform.catalog.Editor;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;
import org.xuewei.platform.policy.Applicant;
import org.xuewei.platform.policy.PreviewPopulation;
import org.xuewei.platform.registry.ExchangeStub;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allocation and policy previews over real applications: families of the recorded demo city apply through the
 * parent's service, then the admission module's port sees them (pseudonymous, judged, located) and a dry run places
 * them; the policy console's preview population is the applicants with the facts they were judged on.
 */
@PlatformTest
class RealApplicationsAdmissionTests {

    // category 1 (no planted case), category 5, category 1 in 东湖区, a planted co-ownership (goes to review)
    static final List<String> GUARDIANS = List.of("360902198804119374", "360111199307303215", "360121199607194914",
            "360122198812050858", "360123198707175030");

    @Autowired Applications applications;
    @Autowired AdmissionCandidates candidates;
    @Autowired List<PreviewPopulation> populations;
    @Autowired AdmissionRuns runs;
    @Autowired CatalogImport catalog;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;

    final Map<String, ApplicationView> submitted = new LinkedHashMap<>();

    @BeforeEach
    void families_apply() throws Exception {
        ExchangeStub.shared().recover();
        try (InputStream in = new ClassPathResource("registry/catalog.json").getInputStream()) {
            catalog.importCatalogJson(in, Editor.city("real-applications-test", ""), Locale.SIMPLIFIED_CHINESE);
        }
        for (String guardian : GUARDIANS) {
            Parent parent = new Parent("real-" + guardian.hashCode(), "家长", guardian);
            ChildSummary child = applications.children(parent, "127.0.0.1").get(0);
            ApplicationView view = applications.submit(parent, child.ref(),
                    new SubmitRequest(null, null, null, true, "", "real-candidates-" + guardian), "127.0.0.1");
            submitted.put(guardian, view);
        }
    }

    private String districtOf(ApplicationView view) {
        return jdbc.sql("select district_code from application.application where id = :id")
                .param("id", view.id()).query(String.class).single();
    }

    @Test
    void the_admission_port_sees_submitted_applications_pseudonymously_with_their_judgement() {
        ApplicationView cat1 = submitted.get(GUARDIANS.get(0));
        assertThat(cat1.status()).isEqualTo(ApplicationStatus.VERIFIED);
        String district = districtOf(cat1);
        int season = applications.season();

        List<AdmissionCandidate> all = candidates.of(district, season, 1);
        AdmissionCandidate c = all.stream().filter(a -> a.applicationNo().equals(cat1.number())).findFirst().orElseThrow();
        assertThat(c.districtCode()).isEqualTo(district);
        assertThat(c.season()).isEqualTo(season);
        assertThat(c.grade()).isEqualTo(1);
        assertThat(c.categoryRank()).isEqualTo(1);
        assertThat(c.verified()).isTrue();
        assertThat(c.hukouDate()).isNotNull();
        String publicSchool = jdbc.sql("select public_school from application.application where id = :id")
                .param("id", cat1.id()).query(String.class).single();
        assertThat(c.zoneSchools()).first().isEqualTo(publicSchool);
        assertThat(c.located()).isTrue();
        assertThat(c.groupKey()).isNull();
        // nothing personal: the number is all that identifies the child
        assertThat(c.toString()).doesNotContain(GUARDIANS.get(0));

        // applications in review are candidates, but not verified ones
        for (ApplicationView v : submitted.values()) {
            String d = districtOf(v);
            AdmissionCandidate any = candidates.of(d, season, 1).stream()
                    .filter(a -> a.applicationNo().equals(v.number())).findFirst().orElseThrow();
            assertThat(any.verified()).isEqualTo(v.status() == ApplicationStatus.VERIFIED);
        }
        // another grade or district has none of them
        assertThat(candidates.of(district, season, 7)).noneMatch(a -> a.applicationNo().equals(cat1.number()));
    }

    @Test
    void a_dry_run_places_the_verified_applications() {
        ApplicationView cat1 = submitted.get(GUARDIANS.get(0));
        String district = districtOf(cat1);
        int season = applications.season();
        StaffAccount admin = TestAccounts.ensure(accounts, "real-adm-" + district, StaffRole.DISTRICT_ADMIN, district, null)
                .account();

        long run = runs.dryRun(admin, district, season, 1, "test: only the verified applications");
        List<Placement> placements = runs.placements(run);
        List<String> verified = candidates.of(district, season, 1).stream().filter(AdmissionCandidate::verified)
                .map(AdmissionCandidate::applicationNo).toList();
        assertThat(placements).extracting(Placement::applicationNo).containsExactlyInAnyOrderElementsOf(verified);
        assertThat(placements).extracting(Placement::applicationNo).contains(cat1.number());
        // a dry run changes no application
        assertThat(jdbc.sql("select status from application.application where id = :id").param("id", cat1.id())
                .query(String.class).single()).isEqualTo("VERIFIED");
    }

    @Test
    void the_policy_preview_runs_over_the_applicants() {
        ApplicationView cat1 = submitted.get(GUARDIANS.get(0));
        String district = districtOf(cat1);
        List<Applicant> applicants = populations.stream()
                .map(p -> p.applicants(district, applications.season())).filter(l -> !l.isEmpty()).findFirst()
                .orElseThrow();
        assertThat(applicants).allMatch(a -> district.equals(a.districtCode()));
        assertThat(applicants).anySatisfy(a -> {
            assertThat(a.facts().hukous()).isNotEmpty();
            assertThat(a.facts().childId()).hasSize(64);
        });
        // the city default previews every district's applicants
        List<Applicant> city = populations.stream().map(p -> p.applicants(null, applications.season()))
                .filter(l -> !l.isEmpty()).findFirst().orElseThrow();
        assertThat(city.size()).isGreaterThanOrEqualTo(applicants.size());
        // a season nobody applied for has no applicants: the console uses its synthetic population
        assertThat(populations).allMatch(p -> p.applicants(district, 1999).isEmpty());
    }
}
