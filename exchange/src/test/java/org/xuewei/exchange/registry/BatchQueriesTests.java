package org.xuewei.exchange.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuewei.exchange.ExchangeTestSupport;
import org.xuewei.exchange.city.IdNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based queries (one per look-up for all its keys) answer each key exactly as its own one-key query does
 * ({@link RegistryQueries}, the oracle): the same JSON, byte for byte — for every look-up, hundreds of keys with records
 * (the people with the most first), keys with no record, and a person in several records of each kind; asked all at
 * once (a batch) and one at a time (a GET endpoint: a batch of one).
 */
class BatchQueriesTests extends ExchangeTestSupport {

    static final String NOBODY = IdNumbers.of("360102", LocalDate.of(1901, 1, 1), 3);

    @Autowired
    BatchQueries batchQueries;

    RegistryQueries queries;

    @BeforeEach
    void oracle() {
        queries = new RegistryQueries(jdbc);
    }

    /** For each look-up: its keys with a record, those with the most records first. */
    static final Map<Lookup, String> KEYS = Map.ofEntries(
            Map.entry(Lookup.PERSON, "select id_number from exchange.person order by id_number"),
            Map.entry(Lookup.HOUSEHOLDS_OF_PERSON, "select id_number from exchange.hukou_member group by id_number order by count(*) desc, id_number"),
            Map.entry(Lookup.HOUSEHOLD, "select household_no from exchange.hukou_member group by household_no order by count(*) desc, household_no"),
            Map.entry(Lookup.UNITS_OF_PERSON, "select id_number from exchange.property_owner group by id_number order by count(*) desc, id_number"),
            Map.entry(Lookup.UNIT, "select unit_no from exchange.property_owner group by unit_no order by count(*) desc, unit_no"),
            Map.entry(Lookup.CONTRACTS_OF_PERSON, "select id_number from exchange.contract_buyer group by id_number order by count(*) desc, id_number"),
            Map.entry(Lookup.CONTRACT, "select contract_no from exchange.contract_buyer group by contract_no order by count(*) desc, contract_no"),
            Map.entry(Lookup.RENTALS_OF_PERSON, "select tenant_id from exchange.rental_registration group by tenant_id order by count(*) desc, tenant_id"),
            Map.entry(Lookup.PERMITS_OF_PERSON, "select id_number from exchange.residence_permit group by id_number order by count(*) desc, id_number"),
            Map.entry(Lookup.INSURANCE_OF_PERSON, "select id_number from exchange.social_insurance group by id_number order by count(*) desc, id_number"),
            Map.entry(Lookup.CIVIL_AFFAIRS_OF_PERSON, """
                    select id_number from (select id_number from exchange.civil_event union all select id_number from exchange.civil_status) e
                    group by id_number order by count(*) desc, id_number"""),
            Map.entry(Lookup.STUDENT_STATUS_OF_PERSON, "select id_number from exchange.student_record group by id_number order by count(*) desc, id_number"),
            Map.entry(Lookup.PREFERENTIAL_OF_PERSON, "select id_number from exchange.preferential group by id_number order by count(*) desc, id_number"),
            Map.entry(Lookup.BIRTHS_OF_PARENT, """
                    select p from (select mother_id as p from exchange.birth_certificate union all select father_id from exchange.birth_certificate) b
                    where p is not null group by p order by count(*) desc, p"""));

    @Test
    void everyLookUpAnswersManyKeysAsItsSingleLookUps() {
        assertThat(KEYS.keySet()).containsExactlyInAnyOrder(Lookup.values());
        for (Lookup lookup : Lookup.values()) {
            List<String> withRecords = jdbc.sql(KEYS.get(lookup) + " limit 400").query(String.class).list();
            assertThat(withRecords).as(lookup.name()).hasSizeGreaterThan(lookup == Lookup.CONTRACT || lookup == Lookup.CONTRACTS_OF_PERSON ? 5 : 20);
            Set<String> keys = new LinkedHashSet<>(withRecords);
            keys.add(lookup.key() == RegistryGateway.Key.ID_NUMBER ? NOBODY : "NO-SUCH-RECORD-1");
            keys.addAll(jdbc.sql("select id_number from exchange.person order by id_number desc limit 30").query(String.class).list());
            assertThat(sameAsOneByOne(lookup, keys)).as(lookup.name()).isGreaterThanOrEqualTo(withRecords.size());
        }
    }

    @Test
    void aPersonInSeveralRecordsOfEachKindGetsTheSameAnswerInABatch() {
        String id = IdNumbers.of("360102", LocalDate.of(1901, 1, 1), 5); // in no record of the generated city
        try {
            ExtraRecords.addHouseholdsAndUnits(jdbc, id);
            jdbc.sql("""
                    insert into exchange.social_insurance (id_number, name, insurance_type, employer, first_paid_month, last_paid_month, months_paid)
                    select :id, '测试', '城镇职工养老保险', e, date '2020-01-01', date '2021-01-01', 12 from unnest(array['乙公司', '甲公司', '丙公司']) e""")
                    .param("id", id).update();
            jdbc.sql("""
                    insert into exchange.civil_status (id_number, name, status, since)
                    select :id, '测试', s, date '2020-01-01' from unnest(array['低保', '孤儿', '特困']) s""").param("id", id).update();
            jdbc.sql("""
                    insert into exchange.birth_certificate (certificate_no, id_number, name, gender, birth_date, mother_id, mother_name, father_id, father_name, issued_on)
                    values ('TESTB0000001', :child, '测试', '1', date '2020-01-01', :id, '测试', :id, '测试', date '2020-01-02')""")
                    .param("id", id).param("child", IdNumbers.of("360102", LocalDate.of(1901, 1, 1), 7)).update();
            List<String> others = jdbc.sql("select id_number from exchange.person order by id_number limit 5").query(String.class).list();
            for (Lookup lookup : Lookup.values()) {
                if (lookup.key() == RegistryGateway.Key.ID_NUMBER) {
                    List<String> keys = new ArrayList<>(others);
                    keys.add(2, id);
                    assertThat(sameAsOneByOne(lookup, keys)).as(lookup.name()).isGreaterThanOrEqualTo(
                            Set.of(Lookup.PERMITS_OF_PERSON, Lookup.RENTALS_OF_PERSON, Lookup.CONTRACTS_OF_PERSON, Lookup.STUDENT_STATUS_OF_PERSON,
                                    Lookup.PREFERENTIAL_OF_PERSON, Lookup.CIVIL_AFFAIRS_OF_PERSON).contains(lookup) ? 0 : 1);
                }
            }
            assertThat(queries.householdsOf(id)).hasSize(3);
            assertThat(queries.unitsOf(id)).hasSize(2);
            assertThat(queries.insuranceOf(id)).hasSize(3);
            assertThat(queries.birthsOf(id)).hasSize(1);
        } finally {
            ExtraRecords.remove(jdbc, id, List.of("hukou_member", "property_owner", "social_insurance", "civil_status"));
            jdbc.sql("delete from exchange.birth_certificate where certificate_no = 'TESTB0000001'").update();
        }
    }

    /**
     * Asked all at once and asked alone, each key's answer (as JSON) is its one-key query's; a key without a record has
     * none (no entry, or an empty list: both answer 404).
     */
    private int sameAsOneByOne(Lookup lookup, Collection<String> keys) {
        Map<String, Object> all = lookup.queryAll(batchQueries, keys);
        int found = 0;
        for (String key : keys) {
            Object one = queries.answer(lookup, key).orElse(null);
            String what = lookup + " " + key;
            for (Object answer : Arrays.asList(all.get(key), lookup.queryOne(batchQueries, key))) {
                if (one == null) {
                    assertThat(answer == null || answer instanceof Collection<?> c && c.isEmpty()).as(what).isTrue();
                } else {
                    assertThat(JSON.writeValueAsString(answer)).as(what).isEqualTo(JSON.writeValueAsString(one));
                }
            }
            found += one == null ? 0 : 1;
        }
        return found;
    }
}
