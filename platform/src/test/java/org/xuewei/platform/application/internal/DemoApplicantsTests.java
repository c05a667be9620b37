package org.xuewei.platform.application.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.registry.ExchangeStub;
import org.xuewei.platform.registry.RegistryProperties;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The living demo's job: families from the exchange's demo guardian listing (here a small listing of test families
 * whose registry records are the stub's fixtures) apply through {@link Applications}; progress is kept per run, so a
 * restart resumes at the next page, a finished run is not repeated, a page done again makes no second application,
 * every planted-case family applies, and the share of the others is respected.
 */
@PlatformTest
class DemoApplicantsTests {

    /** Migrant families with a residence permit in a zone and one G1 child each (stub fixtures). */
    static final String T1 = "530102198601011134";
    static final String T2 = "530102198603031139";
    static final String T3 = "530102198605051133";
    static final String T4 = "530102198607071138";
    static final String T5 = "530102198609091132";
    /** Guardians the registries know nothing about: no child, nothing applied. */
    static final String NOBODY_1 = "530102199009091133";
    static final String NOBODY_2 = "530102199110101156";

    static HttpServer listing;
    static final Map<String, List<Guardian>> LISTINGS = new ConcurrentHashMap<>();
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static volatile String current = "";

    record Guardian(String familyNo, String idNumber, String planted) {
    }

    @Autowired
    Applications applications;
    @Autowired
    RegistryProperties registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personal;

    @BeforeAll
    static void exchange() throws IOException {
        ExchangeStub.shared();
        listing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listing.createContext("/oauth2/token", x -> send(x, "{\"access_token\":\"listing-token\",\"token_type\":\"Bearer\"}"));
        listing.createContext("/exchange/admin/demo/guardians", DemoApplicantsTests::guardians);
        listing.start();
    }

    @AfterAll
    static void stop() {
        listing.stop(0);
    }

    /** The exchange's demo guardian listing ({@code ?offset&limit}) of the run being tested; every request recorded. */
    static void guardians(HttpExchange x) throws IOException {
        String query = x.getRequestURI().getQuery();
        int offset = Integer.parseInt(query.replaceAll(".*offset=(\\d+).*", "$1"));
        int limit = Integer.parseInt(query.replaceAll(".*limit=(\\d+).*", "$1"));
        String name = current;
        List<Guardian> all = LISTINGS.getOrDefault(name, List.of());
        REQUESTS.add(name + " " + offset + " " + limit);
        StringBuilder json = new StringBuilder("{\"total\":" + all.size() + ",\"guardians\":[");
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            Guardian g = all.get(i);
            json.append(i > offset ? "," : "").append("{\"familyNo\":\"").append(g.familyNo()).append("\",\"idNumber\":\"")
                    .append(g.idNumber()).append("\",\"cases\":[")
                    .append(g.planted().isEmpty() ? "" : "\"" + g.planted() + "\"").append("]}");
        }
        send(x, json.append("]}").toString());
    }

    static void send(HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    DemoApplicants job(String run, List<Guardian> guardians, int share, int pageSize) {
        LISTINGS.put(run, guardians);
        current = run;
        RegistryProperties atListing = new RegistryProperties("http://127.0.0.1:" + listing.getAddress().getPort(),
                registry.clientId(), registry.clientSecret(), registry.purpose(), registry.callTimeout(),
                registry.registryTimeout(), registry.attempts(), registry.retryWait(), registry.failureRate(),
                registry.openFor(), registry.threads(), registry.maxInFlight());
        return new DemoApplicants(applications, () -> true, atListing, jdbc, true, share, 2, 1000, run, pageSize);
    }

    List<String> applicationsOf(String guardianId) {
        return jdbc.sql("select idempotency_key from application.application where guardian_hash = :g")
                .param("g", personal.lookupHash(guardianId)).query(String.class).list();
    }

    Map<String, Object> progress(String run) {
        return jdbc.sql("select next_offset, families, applied, refused, completed_at is not null as done "
                        + "from application.demo_applicants where name = :n")
                .param("n", run).query().singleRow();
    }

    List<String> requests(String run) {
        return REQUESTS.stream().filter(r -> r.startsWith(run + " ")).toList();
    }

    @Test
    void planted_families_always_apply_the_share_is_respected_and_a_finished_run_is_not_repeated() {
        List<Guardian> families = List.of(new Guardian("T0000001", T1, "MIGRANT_INCOMPLETE"), new Guardian("T0000002", T2, ""));
        // share 0: only the family with a planted case applies
        job("test-share-0", families, 0, 1).apply();

        assertThat(applicationsOf(T1)).singleElement().asString().startsWith("demo-T0000001-");
        assertThat(applicationsOf(T2)).isEmpty();
        assertThat(progress("test-share-0")).containsEntry("next_offset", 2).containsEntry("families", 1)
                .containsEntry("applied", 1).containsEntry("done", true);

        // finished: a restart asks the exchange nothing and applies nothing
        int asked = requests("test-share-0").size();
        job("test-share-0", families, 0, 1).apply();
        assertThat(requests("test-share-0")).hasSize(asked);

        // a crash before the progress was saved: the pages are done again, and nobody applies twice
        jdbc.sql("update application.demo_applicants set next_offset = 0, completed_at = null where name = 'test-share-0'")
                .update();
        job("test-share-0", families, 0, 1).apply();
        assertThat(applicationsOf(T1)).hasSize(1);
        assertThat(progress("test-share-0")).containsEntry("done", true);

        // share 100 (another run): every family applies; the planted family still has its one application
        job("test-share-100", families, 100, 1).apply();
        assertThat(applicationsOf(T2)).singleElement().asString().startsWith("demo-T0000002-");
        assertThat(applicationsOf(T1)).hasSize(1);
    }

    @Test
    void a_restart_resumes_at_the_next_page() {
        List<Guardian> families = new ArrayList<>(List.of(new Guardian("T0000003", T3, ""), new Guardian("T0000901", NOBODY_1, ""),
                new Guardian("T0000004", T4, ""), new Guardian("T0000902", NOBODY_2, "")));
        // the first page (T3 and a family without children) was done before the restart
        jdbc.sql("insert into application.demo_applicants (name, next_offset, families, applied, started_at) "
                        + "values ('test-resume', 2, 2, 0, :now)")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();

        job("test-resume", families, 100, 2).apply();

        assertThat(applicationsOf(T3)).isEmpty();
        assertThat(applicationsOf(T4)).singleElement().asString().startsWith("demo-T0000004-");
        // pages of two were asked for from offset 2 only (the one-row requests read the total)
        assertThat(requests("test-resume")).filteredOn(r -> r.endsWith(" 2")).containsExactly("test-resume 2 2");
        assertThat(progress("test-resume")).containsEntry("next_offset", 4).containsEntry("families", 4)
                .containsEntry("applied", 1).containsEntry("done", true);
    }

    /**
     * While the registry holding the family's only address (居住证) is down, the submission is refused as "try again",
     * not "no zoned home"; the job tries again, as a parent would, and the family applies once the registry answers.
     */
    @Test
    void a_submission_refused_while_the_address_registry_is_down_is_tried_again() throws Exception {
        ExchangeStub stub = ExchangeStub.shared();
        int before = stub.calls("residence-permits/");
        stub.outage("residence-permits/");
        Thread recovery = new Thread(() -> {
            // the registry comes back once the first submission has found it down
            while (stub.calls("residence-permits/") <= before) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
            stub.recover();
        });
        recovery.setDaemon(true);
        recovery.start();
        try {
            DemoApplicants job = job("test-retry", List.of(new Guardian("T0000005", T5, "")), 100, 1);
            job.retryWait = java.time.Duration.ofMillis(400); // longer than the circuit breaker's open time in tests
            job.apply();
        } finally {
            stub.recover();
        }

        assertThat(applicationsOf(T5)).singleElement().asString().startsWith("demo-T0000005-");
        assertThat(progress("test-retry")).containsEntry("applied", 1).containsEntry("refused", 0);
    }
}
