package org.xuewei.exchange.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xuewei.exchange.ExchangeTestSupport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's households, units and contracts (one query each) are exactly the records the single look-ups give for
 * each of them, in the same order (records with several people; a person in several records, one unit twice).
 */
class RegistryQueriesTests extends ExchangeTestSupport {

    RegistryQueries queries;

    @BeforeEach
    void queries() {
        queries = new RegistryQueries(jdbc);
    }

    @Test
    void householdsOfAPersonAreTheHouseholdsLookedUpOneByOne() {
        same("select id_number, array_agg(household_no order by household_no) from exchange.hukou_member group by id_number",
                queries::householdsOf, queries::household);
    }

    @Test
    void unitsOfAPersonAreTheUnitsLookedUpOneByOne() {
        same("select id_number, array_agg(distinct unit_no order by unit_no) from exchange.property_owner group by id_number",
                queries::unitsOf, queries::unit);
    }

    @Test
    void contractsOfAPersonAreTheContractsLookedUpOneByOne() {
        same("select id_number, array_agg(contract_no order by contract_no) from exchange.contract_buyer group by id_number",
                queries::contractsOf, queries::contract);
    }

    @Test
    void aPersonInSeveralRecordsGetsEachOnceInOrder() {
        String id = "360102190101010038"; // in no record of the generated city
        try {
            ExtraRecords.addHouseholdsAndUnits(jdbc, id);
            jdbc.sql("""
                    insert into exchange.contract_buyer (contract_no, id_number, name)
                    select contract_no, :id, '测试' from exchange.purchase_contract order by contract_no desc limit 2""")
                    .param("id", id).update();
            assertThat(queries.householdsOf(id)).hasSize(3);
            assertThat(queries.unitsOf(id)).hasSize(2);
            assertThat(queries.contractsOf(id)).hasSize(2);
            same("select id_number, array_agg(household_no order by household_no) from exchange.hukou_member where id_number = '" + id + "' group by id_number",
                    queries::householdsOf, queries::household);
            same("select id_number, array_agg(distinct unit_no order by unit_no) from exchange.property_owner where id_number = '" + id + "' group by id_number",
                    queries::unitsOf, queries::unit);
            same("select id_number, array_agg(contract_no order by contract_no) from exchange.contract_buyer where id_number = '" + id + "' group by id_number",
                    queries::contractsOf, queries::contract);
        } finally {
            ExtraRecords.remove(jdbc, id, List.of("hukou_member", "property_owner", "contract_buyer"));
        }
    }

    @Test
    void aPersonWithNoRecordHasNone() {
        assertThat(queries.householdsOf("360102190101010011")).isEmpty();
        assertThat(queries.unitsOf("360102190101010011")).isEmpty();
        assertThat(queries.contractsOf("360102190101010011")).isEmpty();
    }

    /** Persons with the most records first, then others; at most 300. */
    private void same(String recordsByPerson, Function<String, List<Map<String, Object>>> ofPerson,
                      Function<String, Optional<Map<String, Object>>> one) {
        List<Map<String, Object>> persons = jdbc.sql("select * from (" + recordsByPerson + ") r(id, nos) order by cardinality(nos) desc, id limit 300")
                .query().listOfRows();
        assertThat(persons).isNotEmpty();
        for (Map<String, Object> p : persons) {
            List<Map<String, Object>> expected = java.util.Arrays.stream((String[]) arrayOf(p.get("nos")))
                    .map(no -> one.apply(no).orElseThrow()).toList();
            assertThat(ofPerson.apply((String) p.get("id"))).as((String) p.get("id")).isEqualTo(expected);
        }
    }

    private static Object arrayOf(Object sqlArray) {
        try {
            return ((java.sql.Array) sqlArray).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
