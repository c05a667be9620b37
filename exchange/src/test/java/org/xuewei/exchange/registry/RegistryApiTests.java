package org.xuewei.exchange.registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuewei.exchange.ExchangeTestSupport;
import org.xuewei.exchange.city.IdNumbers;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryApiTests extends ExchangeTestSupport {

    static final String PURPOSE = "enrollment-eligibility%20%E4%B9%89%E5%8A%A1%E6%95%99%E8%82%B2%E6%8B%9B%E7%94%9F";

    @Autowired
    Faults faults;

    @Autowired
    CallLog callLog;

    @AfterEach
    void resetFaults() {
        faults.reset();
    }

    String guardianOfCategory(int category) {
        return jdbc.sql("select guardian_id from exchange.family where category = :c and cases = '' order by family_no limit 1")
                .param("c", category).query(String.class).single();
    }

    String unknownButValidId() {
        return IdNumbers.of("360102", java.time.LocalDate.of(1901, 1, 1), 1);
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        HttpResponse<String> r = get("/exchange/v1/persons/" + guardianOfCategory(1), null, PURPOSE);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(r).get("code").asString()).isEqualTo("token-required");
    }

    @Test
    void withAForgedOrExpiredTokenTheAnswerIs401() throws Exception {
        String token = platformToken();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> r = get("/exchange/v1/persons/" + guardianOfCategory(1), forged, PURPOSE);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("code").asString()).isEqualTo("invalid-token");
    }

    @Test
    void aForgedTokenIsRefusedEvenWhileTheGenuineOneIsRemembered() throws Exception {
        String token = platformToken();
        String id = guardianOfCategory(1);
        assertThat(get("/exchange/v1/hukou/persons/" + id, token, PURPOSE).statusCode()).isEqualTo(200);
        String[] parts = token.split("\\.");
        byte[] signature = java.util.Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 1;
        String forged = parts[0] + "." + parts[1] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        HttpResponse<String> r = get("/exchange/v1/hukou/persons/" + id, forged, PURPOSE);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("code").asString()).isEqualTo("invalid-token");
        assertThat(get("/exchange/v1/hukou/persons/" + id, token, PURPOSE).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutPurposeTheAnswerIs400AndTheCallIsLogged() throws Exception {
        String id = guardianOfCategory(1);
        HttpResponse<String> r = get("/exchange/v1/hukou/persons/" + id, platformToken(), null);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("code").asString()).isEqualTo("purpose-required");
        String requestId = body.get("requestId").asString();
        callLog.flush();
        Map<String, Object> logged = jdbc.sql("select client_id, status, subject_hash, subject_mask from exchange.call_log where request_id = :id::uuid")
                .param("id", requestId).query().singleRow();
        assertThat(logged.get("client_id")).isEqualTo("xuewei-platform");
        assertThat(logged.get("status")).isEqualTo(400);
        assertThat((String) logged.get("subject_hash")).hasSize(64).doesNotContain(id);
        assertThat((String) logged.get("subject_mask")).isEqualTo(IdNumbers.mask(id)).doesNotContain(id.substring(4, 14));
    }

    @Test
    void malformedIdNumbersAre400WithoutData() throws Exception {
        String token = platformToken();
        String valid = guardianOfCategory(1);
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        for (String bad : List.of("123", badCheck, "36010219990231001X")) {
            HttpResponse<String> r = get("/exchange/v1/hukou/persons/" + bad, token, PURPOSE);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("code").asString()).isEqualTo("malformed-id-number");
            assertThat(r.body()).doesNotContain(valid);
        }
    }

    @Test
    void unknownPeopleAndRecordsAre404() throws Exception {
        String token = platformToken();
        assertThat(get("/exchange/v1/hukou/persons/" + unknownButValidId(), token, PURPOSE).statusCode()).isEqualTo(404);
        HttpResponse<String> r = get("/exchange/v1/hukou/households/3601020999999", token, PURPOSE);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("code").asString()).isEqualTo("no-record");
        assertThat(get("/exchange/v1/property/units/360102002001GB00000F00000000", token, PURPOSE).statusCode()).isEqualTo(404);
        assertThat(get("/exchange/v1/contracts/NCWQ20269999999", token, PURPOSE).statusCode()).isEqualTo(404);
    }

    @Test
    void categoryOneFamilyHasHukouAndAResidentialHomeInTheSameCommunity() throws Exception {
        String token = platformToken();
        String id = guardianOfCategory(1);
        JsonNode hukou = json(get("/exchange/v1/hukou/persons/" + id, token, PURPOSE));
        assertThat(hukou.get("registry").asString()).isEqualTo("HUKOU");
        assertThat(hukou.get("sourceDepartment").asString()).isEqualTo("南昌市公安局");
        assertThat(hukou.get("requestId").asString()).hasSize(36);
        String householdNo = hukou.get("data").get(0).get("householdNo").asString();
        String community = hukou.get("data").get(0).get("communityCode").asString();
        JsonNode household = json(get("/exchange/v1/hukou/households/" + householdNo, token, PURPOSE));
        assertThat(household.get("data").get("members").size()).isGreaterThanOrEqualTo(2);

        HttpResponse<String> property = get("/exchange/v1/property/persons/" + id, token, PURPOSE);
        if (property.statusCode() == 404) {
            // the mother may be the sole owner
            String spouse = household.get("data").get("members").get(1).get("idNumber").asString();
            property = get("/exchange/v1/property/persons/" + spouse, token, PURPOSE);
        }
        JsonNode unit = json(property).get("data").get(0);
        assertThat(unit.get("usage").asString()).isEqualTo("住宅");
        assertThat(unit.get("communityCode").asString()).isEqualTo(community);
        JsonNode byUnit = json(get("/exchange/v1/property/units/" + unit.get("unitNo").asString(), token, PURPOSE));
        assertThat(byUnit.get("data").get("owners").size()).isGreaterThanOrEqualTo(1);

        assertThat(get("/exchange/v1/persons/" + id, token, PURPOSE).statusCode()).isEqualTo(200);
        assertThat(get("/exchange/v1/civil-affairs/persons/" + id, token, PURPOSE).statusCode()).isEqualTo(200);
    }

    @Test
    void everyRegistryAnswersForAPersonItKnows() throws Exception {
        String token = platformToken();
        Map<String, String> pathsAndIds = Map.of(
                "/exchange/v1/rentals/persons/", "select tenant_id from exchange.rental_registration order by registration_no limit 1",
                "/exchange/v1/residence-permits/persons/", "select id_number from exchange.residence_permit order by permit_no limit 1",
                "/exchange/v1/social-insurance/persons/", "select id_number from exchange.social_insurance order by id_number limit 1",
                "/exchange/v1/student-status/persons/", "select id_number from exchange.student_record order by student_no limit 1",
                "/exchange/v1/preferential/persons/", "select id_number from exchange.preferential order by record_no limit 1",
                "/exchange/v1/contracts/persons/", "select id_number from exchange.contract_buyer order by contract_no limit 1");
        for (Map.Entry<String, String> e : pathsAndIds.entrySet()) {
            String id = jdbc.sql(e.getValue()).query(String.class).single();
            HttpResponse<String> r = get(e.getKey() + id, token, PURPOSE);
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(json(r).get("data").size()).as(e.getKey()).isGreaterThan(0);
        }
        String contractNo = jdbc.sql("select contract_no from exchange.purchase_contract order by contract_no limit 1").query(String.class).single();
        JsonNode contract = json(get("/exchange/v1/contracts/" + contractNo, token, PURPOSE));
        assertThat(contract.get("sourceDepartment").asString()).isEqualTo("南昌市住房和城乡建设局");
        assertThat(contract.get("data").get("buyers").size()).isEqualTo(2);
    }

    @Test
    void injectedErrorsGive503AndOutagesToo() throws Exception {
        String token = platformToken();
        String id = guardianOfCategory(1);
        faults.set(Registry.HUKOU, new Faults.Settings(0, 0, 1.0, 1000, List.of()));
        HttpResponse<String> r = get("/exchange/v1/hukou/persons/" + id, token, PURPOSE);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(get("/exchange/v1/property/persons/" + id, token, PURPOSE).statusCode()).isIn(200, 404);
        faults.reset();

        HttpResponse<String> outage = send(HttpRequest.newBuilder(URI.create(url("/exchange/admin/faults/property/outage?seconds=30")))
                .header("Authorization", "Bearer " + adminToken()).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(outage.statusCode()).isEqualTo(200);
        HttpResponse<String> down = get("/exchange/v1/property/persons/" + id, token, PURPOSE);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("code").asString()).isEqualTo("registry-outage");
    }

    @Test
    void latencyIsSetAtRuntimeThroughTheAdminApi() throws Exception {
        String admin = adminToken();
        HttpResponse<String> set = send(HttpRequest.newBuilder(URI.create(url("/exchange/admin/faults/social-insurance")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"latencyMinMs":300,"latencyMaxMs":320,"errorRate":0,"rateLimitPerSecond":100,"outages":[]}""")).build());
        assertThat(set.statusCode()).isEqualTo(200);
        String id = jdbc.sql("select id_number from exchange.social_insurance limit 1").query(String.class).single();
        String token = platformToken();
        long start = System.nanoTime();
        assertThat(get("/exchange/v1/social-insurance/persons/" + id, token, PURPOSE).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(url("/exchange/admin/faults/social-insurance")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"latencyMinMs\":-5}")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void rateLimitGives429() throws Exception {
        faults.set(Registry.STUDENT_STATUS, new Faults.Settings(0, 0, 0, 2, List.of()));
        String token = platformToken();
        String id = jdbc.sql("select id_number from exchange.student_record limit 1").query(String.class).single();
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            if (get("/exchange/v1/student-status/persons/" + id, token, PURPOSE).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(1);
    }

    @Test
    void adminApiNeedsTheAdminScope() throws Exception {
        assertThat(get("/exchange/admin/faults", platformToken(), null).statusCode()).isEqualTo(403);
        assertThat(get("/exchange/admin/faults", adminToken(), null).statusCode()).isEqualTo(200);
        HttpResponse<String> catalog = get("/exchange/admin/catalog", token("xuewei-platform", "test-platform-secret", "catalog.read"), null);
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(json(catalog).get("format").asString()).isEqualTo("xuewei-catalog/1");
        JsonNode manifest = json(get("/exchange/admin/manifest", adminToken(), null));
        assertThat(manifest.get("season").asString()).isEqualTo("2027");
        JsonNode calls = json(get("/exchange/admin/calls?limit=5", adminToken(), null));
        assertThat(calls.size()).isGreaterThan(0);
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/exchange/admin/faults/hukou")))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(40_000) + "\"}")).build());
        assertThat(r.statusCode()).isEqualTo(413);
        HttpResponse<String> longPath = get("/exchange/v1/hukou/households/" + "1".repeat(300), platformToken(), PURPOSE);
        assertThat(longPath.statusCode()).isIn(400, 414);
        assertThat(Instant.now()).isNotNull();
    }
}
