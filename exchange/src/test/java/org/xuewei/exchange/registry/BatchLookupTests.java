package org.xuewei.exchange.registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuewei.exchange.DispatchCounter;
import org.xuewei.exchange.ExchangeTestSupport;
import org.xuewei.exchange.city.IdNumbers;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /exchange/v1/batch}: many look-ups in one round trip, each with its own outcome and call-log row. */
class BatchLookupTests extends ExchangeTestSupport {

    static final String PURPOSE = RegistryApiTests.PURPOSE;

    @Autowired
    Faults faults;

    @Autowired
    CallLog callLog;

    @AfterEach
    void resetFaults() {
        faults.reset();
    }

    String guardian() {
        return jdbc.sql("select guardian_id from exchange.family where category = 1 and cases = '' order by family_no limit 1")
                .query(String.class).single();
    }

    HttpResponse<String> batch(String body, String purpose) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/exchange/v1/batch")))
                .header("Authorization", "Bearer " + platformToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (purpose != null) {
            b.header("purpose", purpose);
        }
        return send(b.build());
    }

    static String item(String registry, String operation, String key) {
        return "{\"registry\":\"" + registry + "\",\"operation\":\"" + operation + "\",\"key\":\"" + key + "\"}";
    }

    static String items(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    @Test
    void eachItemHasItsOwnOutcomeAndItsOwnCallLogRow() throws Exception {
        String id = guardian();
        String unknown = IdNumbers.of("360102", LocalDate.of(1901, 1, 1), 1);
        faults.set(Registry.PROPERTY, new Faults.Settings(0, 0, 0, 1000,
                List.of(new Faults.Outage(Instant.now().minusSeconds(5), Instant.now().plusSeconds(60)))));
        HttpResponse<String> r = batch(items(
                item("HUKOU", "households-of-person", id),
                item("PROPERTY", "units-of-person", id),
                item("HUKOU", "households-of-person", unknown),
                item("CIVIL_AFFAIRS", "civil-affairs-of-person", "123"),
                item("HUKOU", "no-such-operation", id),
                item("HUKOU", "person", id)), PURPOSE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = json(r);
        JsonNode items = answer.get("items");
        assertThat(items).hasSize(6);
        assertThat(items.get(0).get("outcome").asString()).isEqualTo("FOUND");
        assertThat(items.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(items.get(0).get("sourceDepartment").asString()).isEqualTo("南昌市公安局");
        assertThat(items.get(0).get("data").get(0).get("members").size()).isGreaterThanOrEqualTo(2);
        // the registry in outage: that item unavailable, the others answered
        assertThat(items.get(1).get("outcome").asString()).isEqualTo("UNAVAILABLE");
        assertThat(items.get(1).get("code").asString()).isEqualTo("registry-outage");
        assertThat(items.get(1).get("data").isNull()).isTrue();
        assertThat(items.get(2).get("outcome").asString()).isEqualTo("NO_RECORD");
        assertThat(items.get(2).get("status").asInt()).isEqualTo(404);
        // a bad key is refused with its reason; an unknown look-up too
        assertThat(items.get(3).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(items.get(3).get("code").asString()).isEqualTo("malformed-id-number");
        assertThat(items.get(4).get("code").asString()).isEqualTo("unknown-lookup");
        assertThat(items.get(5).get("data").get("idNumber").asString()).isEqualTo(id);

        callLog.flush();
        List<Integer> logged = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, Object> row = jdbc.sql("select registry, operation, status, subject_hash, purpose from exchange.call_log where request_id = :id::uuid")
                    .param("id", item.get("requestId").asString()).query().singleRow();
            assertThat(row.get("registry")).isEqualTo(item.get("registry").asString());
            assertThat(row.get("purpose")).asString().startsWith("enrollment-eligibility");
            logged.add((Integer) row.get("status"));
        }
        assertThat(logged).containsExactly(200, 503, 404, 400, 400, 200);
        assertThat(answer.get("requestId").asString()).isNotIn(items.findValuesAsString("requestId"));
    }

    /** The GET path of each look-up. */
    static final Map<Lookup, String> PATHS = Map.ofEntries(Map.entry(Lookup.PERSON, "/persons/"),
            Map.entry(Lookup.HOUSEHOLDS_OF_PERSON, "/hukou/persons/"), Map.entry(Lookup.HOUSEHOLD, "/hukou/households/"),
            Map.entry(Lookup.UNITS_OF_PERSON, "/property/persons/"), Map.entry(Lookup.UNIT, "/property/units/"),
            Map.entry(Lookup.CONTRACTS_OF_PERSON, "/contracts/persons/"), Map.entry(Lookup.CONTRACT, "/contracts/"),
            Map.entry(Lookup.RENTALS_OF_PERSON, "/rentals/persons/"), Map.entry(Lookup.PERMITS_OF_PERSON, "/residence-permits/persons/"),
            Map.entry(Lookup.INSURANCE_OF_PERSON, "/social-insurance/persons/"), Map.entry(Lookup.CIVIL_AFFAIRS_OF_PERSON, "/civil-affairs/persons/"),
            Map.entry(Lookup.STUDENT_STATUS_OF_PERSON, "/student-status/persons/"), Map.entry(Lookup.PREFERENTIAL_OF_PERSON, "/preferential/persons/"),
            Map.entry(Lookup.BIRTHS_OF_PARENT, "/births/parents/"));

    @Test
    void aFullBatchOfManyPeopleAnswersEachItemAsItsSingleLookUp() throws Exception {
        List<String> people = jdbc.sql("""
                select guardian_id from exchange.family order by family_no limit 3""").query(String.class).list();
        String household = jdbc.sql("select household_no from exchange.hukou_household order by household_no limit 1").query(String.class).single();
        String unit = jdbc.sql("select unit_no from exchange.property_unit order by unit_no limit 1").query(String.class).single();
        List<String[]> asked = new ArrayList<>(); // {registry, operation, key}
        for (String id : List.of(people.get(0), people.get(1), IdNumbers.of("360102", LocalDate.of(1901, 1, 1), 1), people.get(0))) {
            for (Lookup l : Lookup.values()) {
                if (l.key() == RegistryGateway.Key.ID_NUMBER) {
                    asked.add(new String[]{l.registry().name(), l.operation(), id});
                }
            }
        }
        asked.add(new String[]{"HUKOU", "household", household});
        asked.add(new String[]{"PROPERTY", "unit", unit});
        asked.add(new String[]{"PROPERTY", "unit", "NO-SUCH-UNIT"});
        asked.add(new String[]{"HUKOU", "person", "123"});
        asked.add(new String[]{"HUKOU", "household", household});
        asked.add(new String[]{"HUKOU", "households-of-person", people.get(2)});
        assertThat(asked).hasSize(RegistryGateway.MAX_BATCH);
        JsonNode items = json(batch(items(asked.stream().map(a -> item(a[0], a[1], a[2])).toArray(String[]::new)), PURPOSE)).get("items");
        assertThat(items).hasSize(asked.size());
        java.util.Set<String> outcomes = new java.util.HashSet<>();
        java.util.Set<String> requestIds = new java.util.HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String[] a = asked.get(i);
            Lookup lookup = Lookup.of(a[0], a[1]).orElseThrow();
            HttpResponse<String> one = get("/exchange/v1" + PATHS.get(lookup) + a[2], platformToken(), PURPOSE);
            JsonNode item = items.get(i);
            String what = i + " " + String.join(" ", a);
            assertThat(item.get("status").asInt()).as(what).isEqualTo(one.statusCode());
            if (one.statusCode() == 200) {
                assertThat(item.get("data").toString()).as(what).isEqualTo(json(one).get("data").toString());
                assertThat(item.get("sourceSystem").asString()).as(what).isEqualTo(json(one).get("sourceSystem").asString());
            } else {
                assertThat(item.get("code").asString()).as(what).isEqualTo(json(one).get("code").asString());
                assertThat(item.get("data").isNull()).as(what).isTrue();
            }
            outcomes.add(item.get("outcome").asString());
            requestIds.add(item.get("requestId").asString());
        }
        assertThat(outcomes).contains("FOUND", "NO_RECORD", "REFUSED");
        assertThat(requestIds).hasSize(asked.size());
    }

    @Test
    void withoutPurposeTheBatchIs400AndEveryItemIsLogged() throws Exception {
        String id = guardian();
        callLog.flush();
        int before = jdbc.sql("select count(*) from exchange.call_log where status = 400 and operation = 'units-of-person'")
                .query(Integer.class).single();
        HttpResponse<String> r = batch(items(item("HUKOU", "households-of-person", id), item("PROPERTY", "units-of-person", id)), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asString()).isEqualTo("purpose-required");
        assertThat(r.body()).doesNotContain(id);
        callLog.flush();
        assertThat(jdbc.sql("select count(*) from exchange.call_log where status = 400 and operation = 'units-of-person'")
                .query(Integer.class).single()).isEqualTo(before + 1);
    }

    @Test
    void theRateLimitHoldsPerRegistryInsideABatch() throws Exception {
        faults.set(Registry.STUDENT_STATUS, new Faults.Settings(0, 0, 0, 2, List.of()));
        String id = guardian();
        String student = jdbc.sql("select id_number from exchange.student_record limit 1").query(String.class).single();
        String s = item("STUDENT_STATUS", "student-status-of-person", student);
        JsonNode items = json(batch(items(s, s, s, s, s, item("HUKOU", "person", id)), PURPOSE)).get("items");
        assertThat(items.findValuesAsString("outcome")).contains("RATE_LIMITED");
        assertThat(items.get(5).get("outcome").asString()).isEqualTo("FOUND");
    }

    @Test
    void injectedErrorsAndLatencyApplyPerItem() throws Exception {
        String id = guardian();
        faults.set(Registry.CIVIL_AFFAIRS, new Faults.Settings(0, 0, 1.0, 1000, List.of()));
        faults.set(Registry.HUKOU, new Faults.Settings(250, 260, 0, 1000, List.of()));
        long start = System.nanoTime();
        JsonNode items = json(batch(items(item("CIVIL_AFFAIRS", "civil-affairs-of-person", id), item("HUKOU", "person", id)), PURPOSE))
                .get("items");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(items.get(0).get("code").asString()).isEqualTo("registry-unavailable");
        assertThat(items.get(1).get("outcome").asString()).isEqualTo("FOUND");
    }

    @Test
    void aRegistrySlowerThanTheBatchTimeoutIsUnavailableWhileTheOthersAnswer() throws Exception {
        String id = guardian();
        faults.set(Registry.SOCIAL_INSURANCE, new Faults.Settings(5000, 5000, 0, 1000, List.of()));
        JsonNode items = json(batch("{\"timeoutMs\":100,\"items\":[" + item("SOCIAL_INSURANCE", "insurance-of-person", id) + ","
                + item("HUKOU", "person", id) + "]}", PURPOSE)).get("items");
        assertThat(items.get(0).get("outcome").asString()).isEqualTo("UNAVAILABLE");
        assertThat(items.get(0).get("code").asString()).isEqualTo("registry-timeout");
        assertThat(items.get(1).get("outcome").asString()).isEqualTo("FOUND");
        assertThat(batch("{\"timeoutMs\":0,\"items\":[" + item("HUKOU", "person", id) + "]}", PURPOSE).statusCode()).isEqualTo(400);
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() throws Exception {
        HttpResponse<String> empty = batch("{\"items\":[]}", PURPOSE);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("code").asString()).isEqualTo("empty-batch");
        String one = item("HUKOU", "person", guardian());
        HttpResponse<String> large = batch(items(java.util.Collections.nCopies(RegistryGateway.MAX_BATCH + 1, one).toArray(String[]::new)), PURPOSE);
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(json(large).get("code").asString()).isEqualTo("batch-too-large");
        assertThat(batch("not json", PURPOSE).statusCode()).isEqualTo(400);
    }

    /**
     * A batch's answer is written by the thread that completes it: no second pass through the filters, the security chain
     * and Spring MVC (an async dispatch) — while a batch without a valid token is still refused before anything runs.
     */
    @Test
    void aBatchIsAnsweredWithoutAnAsyncDispatchAndStillNeedsItsToken() throws Exception {
        String id = guardian();
        int before = DispatchCounter.asyncDispatches("/exchange/v1/batch");
        HttpResponse<String> r = batch(items(item("HUKOU", "person", id), item("BIRTH", "births-of-parent", id)), PURPOSE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(json(r).get("items").get(0).get("data").get("idNumber").asString()).isEqualTo(id);
        assertThat(DispatchCounter.asyncDispatches("/exchange/v1/batch")).isEqualTo(before);

        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(url("/exchange/v1/batch")))
                .header("Authorization", "Bearer " + platformToken() + "x").header("Content-Type", "application/json")
                .header("purpose", PURPOSE).POST(HttpRequest.BodyPublishers.ofString(items(item("HUKOU", "person", id)))).build());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).get("code").asString()).isEqualTo("invalid-token");
    }

    /**
     * A batch whose query fails answers 500 through Spring's error handling, as a failed asynchronous answer did, and
     * every item is logged with status 500 (the registry table is renamed for a moment so its query fails).
     */
    @Test
    void aFailingQueryAnswers500AndEveryItemIsLogged() throws Exception {
        String id = guardian();
        long before = jdbc.sql("select count(*) from exchange.call_log where status = 500").query(Long.class).single();
        HttpResponse<String> r;
        jdbc.sql("alter table exchange.preferential rename to preferential_hidden").update();
        try {
            r = batch(items(item("PREFERENTIAL", "preferential-of-person", id), item("HUKOU", "person", id)), PURPOSE);
        } finally {
            jdbc.sql("alter table exchange.preferential_hidden rename to preferential").update();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
        assertThat(json(r).get("status").asInt()).isEqualTo(500);
        assertThat(r.body()).doesNotContain(id);
        callLog.flush();
        assertThat(jdbc.sql("select count(*) from exchange.call_log where status = 500").query(Long.class).single())
                .isEqualTo(before + 3); // both items and the batch
    }

    /**
     * Every column of every item's call-log row, in the order asked, including text that needs escaping on its way into
     * PostgreSQL (a tab, a newline, a backslash, quotes in an unknown look-up's names; a percent-encoded Chinese purpose).
     */
    @Test
    void everyCallLogRowIsCompleteWhateverItsText() throws Exception {
        String id = guardian();
        String purpose = "义务教育招生资格核验 \\ \"x\" \\N";
        Instant before = Instant.now().minusSeconds(1);
        JsonNode items = json(batch(items(item("HUKOU", "person", id), "{\"registry\":\"HU\\tKO\\nU\\\\\\\"\",\"operation\":\"a\\\\N\",\"key\":\"" + id + "\"}"),
                java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8))).get("items");
        callLog.flush();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            rows.add(jdbc.sql("""
                    select id, at, client_id, registry, operation, subject_hash, subject_mask, purpose, status, duration_ms
                    from exchange.call_log where request_id = :id::uuid""").param("id", item.get("requestId").asString()).query().singleRow());
        }
        assertThat((Long) rows.get(0).get("id")).isLessThan((Long) rows.get(1).get("id"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(row.get("client_id")).isEqualTo("xuewei-platform");
            assertThat(row.get("subject_hash")).isEqualTo(callLog.hash(id));
            assertThat(row.get("subject_mask")).isEqualTo(IdNumbers.mask(id));
            assertThat(row.get("purpose")).isEqualTo(purpose);
            assertThat((Integer) row.get("duration_ms")).isBetween(0, 10_000);
        });
        assertThat(rows.get(0)).containsEntry("registry", "HUKOU").containsEntry("operation", "person").containsEntry("status", 200);
        assertThat(rows.get(1)).containsEntry("registry", "HU\tKO\nU\\\"").containsEntry("operation", "a\\N").containsEntry("status", 400);
    }

    /**
     * A NUL (which no PostgreSQL text can hold) in an item's names or key is refused with its reason, and its row is
     * stored with U+FFFD in its place; in the purpose it refuses the batch. The log goes on recording what follows.
     */
    @Test
    void aNulInTheRequestIsRefusedAndTheCallLogGoesOnRecording() throws Exception {
        String id = guardian();
        long setAside = callLog.setAside();
        JsonNode items = json(batch(items(item("HU\\u0000KOU", "per\\u0000son", id), item("HUKOU", "person", id + "\\u0000"),
                item("HUKOU", "person", id)), PURPOSE)).get("items");
        assertThat(items.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(items.get(0).get("code").asString()).isEqualTo("unknown-lookup");
        assertThat(items.get(0).get("message").asString()).contains("control character", "U+0000");
        assertThat(items.get(1).get("code").asString()).isEqualTo("malformed-id-number");
        assertThat(items.get(2).get("outcome").asString()).isEqualTo("FOUND");

        HttpResponse<String> malformed = batch(items(item("PROPERTY", "units-of-person", id)), "enrollment%00eligibility");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("code").asString()).isEqualTo("purpose-malformed");
        assertThat(json(malformed).get("detail").asString()).contains("control characters");

        JsonNode following = json(batch(items(item("HUKOU", "person", id)), PURPOSE)).get("items");
        callLog.flush();
        Map<String, Object> nul = logged(items.get(0));
        assertThat(nul).containsEntry("registry", "HU\uFFFDKOU").containsEntry("operation", "per\uFFFDson").containsEntry("status", 400);
        assertThat(logged(items.get(1))).containsEntry("subject_mask", IdNumbers.mask(id + "\uFFFD")).containsEntry("status", 400);
        for (JsonNode item : List.of(items.get(2), following.get(0))) {
            assertThat(logged(item)).containsEntry("registry", "HUKOU").containsEntry("operation", "person")
                    .containsEntry("client_id", "xuewei-platform").containsEntry("subject_hash", callLog.hash(id))
                    .containsEntry("subject_mask", IdNumbers.mask(id)).containsEntry("status", 200)
                    .containsEntry("purpose", RegistryGateway.decode(PURPOSE));
        }
        assertThat(jdbc.sql("select count(*) from exchange.call_log where purpose = :p and operation = 'units-of-person' and status = 400")
                .param("p", "enrollment\uFFFDeligibility").query(Integer.class).single()).isEqualTo(1);
        assertThat(callLog.setAside()).isEqualTo(setAside); // stored safely, not set aside
    }

    private Map<String, Object> logged(JsonNode item) {
        return jdbc.sql("""
                select client_id, registry, operation, subject_hash, subject_mask, purpose, status
                from exchange.call_log where request_id = :id::uuid""").param("id", item.get("requestId").asString()).query().singleRow();
    }
}
