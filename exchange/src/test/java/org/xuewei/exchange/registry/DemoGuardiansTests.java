package org.xuewei.exchange.registry;

import org.junit.jupiter.api.Test;
import org.xuewei.exchange.ExchangeTestSupport;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's guardian listing: paged, complete, only for the platform's registry scope or the operator. */
class DemoGuardiansTests extends ExchangeTestSupport {

    @Test
    void guardians_of_cohort_families_are_listed_page_by_page() throws Exception {
        String token = platformToken();
        JsonNode first = json(get("/exchange/admin/demo/guardians?offset=0&limit=1000", token, null));
        long total = first.get("total").asLong();
        assertThat(total).isPositive();
        Set<String> families = new HashSet<>();
        for (int offset = 0; offset < total; offset += 1000) {
            JsonNode page = json(get("/exchange/admin/demo/guardians?offset=" + offset + "&limit=1000", token, null));
            for (JsonNode g : page.get("guardians")) {
                assertThat(g.get("idNumber").asString()).hasSize(18);
                assertThat(g.get("children").asInt()).isPositive();
                families.add(g.get("familyNo").asString());
            }
        }
        assertThat(families).hasSize((int) total);
        // the listed phone is the guardian's city-app login: the identity provider's account for it is that ID number
        int withPhone = 0;
        for (JsonNode g : first.get("guardians")) {
            if (!g.get("phone").isNull() && withPhone++ < 50) {
                assertThat(g.get("phone").asString()).matches("1\\d{10}");
                assertThat(jdbc.sql("select id_number from exchange.person where phone = :phone")
                        .param("phone", g.get("phone").asString()).query(String.class).single())
                        .isEqualTo(g.get("idNumber").asString());
            }
        }
        assertThat(withPhone).isPositive();
        assertThat(get("/exchange/admin/demo/guardians", adminToken(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void bad_pages_and_other_scopes_are_refused() throws Exception {
        assertThat(get("/exchange/admin/demo/guardians?limit=5000", platformToken(), null).statusCode()).isEqualTo(400);
        assertThat(get("/exchange/admin/demo/guardians?offset=-1", platformToken(), null).statusCode()).isEqualTo(400);
        assertThat(get("/exchange/admin/demo/guardians", token("xuewei-platform", "test-platform-secret", "catalog.read"), null)
                .statusCode()).isEqualTo(403);
        assertThat(get("/exchange/admin/demo/guardians", null, null).statusCode()).isEqualTo(401);
    }
}
