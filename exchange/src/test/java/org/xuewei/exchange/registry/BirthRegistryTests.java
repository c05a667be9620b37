package org.xuewei.exchange.registry;

import org.junit.jupiter.api.Test;
import org.xuewei.exchange.ExchangeTestSupport;
import org.xuewei.exchange.city.IdNumbers;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract of 出生医学证明: GET /exchange/v1/births/parents/{idNumber}. */
class BirthRegistryTests extends ExchangeTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    CallLog callLog;

    static final String PURPOSE = "enrollment-eligibility";

    /** The guardian (father) of a migrant family: no 户籍 household in the city. */
    String migrantGuardian() {
        return jdbc.sql("select guardian_id from exchange.family where category = 7 order by family_no limit 1").query(String.class).single();
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        HttpResponse<String> r = get("/exchange/v1/births/parents/" + migrantGuardian(), null, PURPOSE);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("code").asString()).isEqualTo("token-required");
    }

    @Test
    void withoutPurposeTheAnswerIs400AndTheCallIsLogged() throws Exception {
        HttpResponse<String> r = get("/exchange/v1/births/parents/" + migrantGuardian(), platformToken(), null);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("code").asString()).isEqualTo("purpose-required");
        callLog.flush();
        assertThat(jdbc.sql("select registry from exchange.call_log where request_id = :id::uuid")
                .param("id", body.get("requestId").asString()).query(String.class).single()).isEqualTo("BIRTH");
    }

    @Test
    void anUnknownParentIs404() throws Exception {
        HttpResponse<String> r = get("/exchange/v1/births/parents/" + IdNumbers.of("360102", LocalDate.of(1901, 1, 1), 1),
                platformToken(), PURPOSE);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("code").asString()).isEqualTo("no-record");
    }

    @Test
    void aMigrantParentsChildrenAreFoundThoughTheFamilyHasNoHousehold() throws Exception {
        String father = migrantGuardian();
        assertThat(jdbc.sql("select count(*) from exchange.hukou_member where id_number = :id").param("id", father)
                .query(Long.class).single()).isZero();
        List<String> expected = jdbc.sql("""
                        select c.id_number from exchange.family_child c join exchange.family f on f.family_no = c.family_no
                        where f.guardian_id = :id order by c.id_number""")
                .param("id", father).query(String.class).list();
        HttpResponse<String> r = get("/exchange/v1/births/parents/" + father, platformToken(), PURPOSE);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("registry").asString()).isEqualTo("BIRTH");
        assertThat(body.get("sourceDepartment").asString()).isEqualTo("南昌市卫生健康委员会");
        List<String> children = new ArrayList<>();
        for (JsonNode c : body.get("data")) {
            children.add(c.get("idNumber").asString());
            assertThat(c.get("fatherIdNumber").asString()).isEqualTo(father);
            assertThat(c.get("motherIdNumber").asString()).hasSize(18);
            assertThat(c.get("certificateNo").asString()).matches("[A-Z]\\d{9}");
            assertThat(LocalDate.parse(c.get("issuedOn").asString())).isAfter(LocalDate.parse(c.get("birthDate").asString()));
            assertThat(c.get("name").asString()).isNotBlank();
            assertThat(c.get("gender").asString()).isIn("M", "F");
        }
        assertThat(children.stream().sorted().toList()).isEqualTo(expected);
        // the mother finds the same children
        String mother = body.get("data").get(0).get("motherIdNumber").asString();
        HttpResponse<String> m = get("/exchange/v1/births/parents/" + mother, platformToken(), PURPOSE);
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(json(m).get("data").size()).isEqualTo(children.size());
    }
}
