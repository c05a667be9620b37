package org.xuewei.exchange.registry;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registries' read models for one key, each its own plain query ({@code where id_number = :key}): the oracle that
 * {@link BatchQueries} (which answers every look-up, one key or many) is compared with in {@code BatchQueriesTests}.
 * Not used by the exchange itself. The orders that tell rows apart are {@link BatchQueries}'.
 */
class RegistryQueries {

    private static final String D = "'YYYY-MM-DD'";

    private final JdbcClient jdbc;

    RegistryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The look-up's answer for one key: empty when there is no record (or only an empty list). */
    Optional<?> answer(Lookup lookup, String key) {
        Optional<?> answer = switch (lookup) {
            case PERSON -> person(key);
            case HOUSEHOLDS_OF_PERSON -> Optional.of(householdsOf(key));
            case HOUSEHOLD -> household(key);
            case UNITS_OF_PERSON -> Optional.of(unitsOf(key));
            case UNIT -> unit(key);
            case CONTRACTS_OF_PERSON -> Optional.of(contractsOf(key));
            case CONTRACT -> contract(key);
            case RENTALS_OF_PERSON -> Optional.of(rentalsOf(key));
            case PERMITS_OF_PERSON -> Optional.of(permitsOf(key));
            case INSURANCE_OF_PERSON -> Optional.of(insuranceOf(key));
            case CIVIL_AFFAIRS_OF_PERSON -> civilAffairsOf(key);
            case STUDENT_STATUS_OF_PERSON -> Optional.of(studentOf(key));
            case PREFERENTIAL_OF_PERSON -> Optional.of(preferentialOf(key));
            case BIRTHS_OF_PARENT -> Optional.of(birthsOf(key));
        };
        return answer.filter(a -> !(a instanceof List<?> l && l.isEmpty()));
    }

    private List<Map<String, Object>> rows(String sql, String key) {
        return jdbc.sql(sql).param("key", key).query().listOfRows();
    }

    /** The record, with the rows of {@code listSql} under {@code field} (queried only when there is a record). */
    private Optional<Map<String, Object>> withList(String recordSql, String field, String listSql, String key) {
        return rows(recordSql, key).stream().findFirst().map(record -> {
            Map<String, Object> result = new LinkedHashMap<>(record);
            result.put(field, rows(listSql, key));
            return result;
        });
    }

    Optional<Map<String, Object>> person(String id) {
        return rows("select id_number as \"idNumber\", name, gender, to_char(birth_date, " + D + ") as \"birthDate\" "
                + "from exchange.person where id_number = :key", id).stream().findFirst();
    }

    Optional<Map<String, Object>> household(String householdNo) {
        return withList("select household_no as \"householdNo\", kind, address, community_code as \"communityCode\", "
                + "district_code as \"districtCode\", police_station as \"policeStation\", to_char(established_on, " + D + ") as \"establishedOn\" "
                + "from exchange.hukou_household where household_no = :key",
                "members", "select id_number as \"idNumber\", name, relation, to_char(moved_in_on, " + D + ") as \"movedInOn\", "
                + "moved_from as \"movedFrom\" from exchange.hukou_member where household_no = :key "
                + "order by case relation when '户主' then 0 else 1 end, moved_in_on, id_number", householdNo);
    }

    /** As {@link #household} for each household the person is a member of, in one query. */
    List<Map<String, Object>> householdsOf(String id) {
        return withPeople("""
                select p.k, h.household_no as "householdNo", h.kind, h.address, h.community_code as "communityCode",
                       h.district_code as "districtCode", h.police_station as "policeStation", to_char(h.established_on, 'YYYY-MM-DD') as "establishedOn",
                       m.id_number as "idNumber", m.name, m.relation, to_char(m.moved_in_on, 'YYYY-MM-DD') as "movedInOn", m.moved_from as "movedFrom"
                from (select household_no, row_number() over (order by household_no) as k from exchange.hukou_member where id_number = :key) p
                join exchange.hukou_household h on h.household_no = p.household_no
                join exchange.hukou_member m on m.household_no = p.household_no
                order by p.k, case m.relation when '户主' then 0 else 1 end, m.moved_in_on, m.id_number""", id, 7, "members");
    }

    /**
     * Records with their people, from one query whose first column numbers the record, the next {@code recordColumns}
     * are the record's and the rest one person's (ordered by record): each record once, its people under {@code field}.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> withPeople(String sql, String key, int recordColumns, String field) {
        Map<Object, Map<String, Object>> records = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(sql, key)) {
            List<String> columns = List.copyOf(row.keySet());
            Map<String, Object> record = records.computeIfAbsent(row.get(columns.get(0)), k -> {
                Map<String, Object> r = new LinkedHashMap<>();
                columns.subList(1, recordColumns + 1).forEach(c -> r.put(c, row.get(c)));
                r.put(field, new ArrayList<Map<String, Object>>());
                return r;
            });
            Map<String, Object> person = new LinkedHashMap<>();
            columns.subList(recordColumns + 1, columns.size()).forEach(c -> person.put(c, row.get(c)));
            ((List<Map<String, Object>>) record.get(field)).add(person);
        }
        return new ArrayList<>(records.values());
    }

    Optional<Map<String, Object>> unit(String unitNo) {
        return withList("select unit_no as \"unitNo\", certificate_no as \"certificateNo\", "
                + "to_char(registered_on, " + D + ") as \"registeredOn\", usage, address, community_code as \"communityCode\", "
                + "district_code as \"districtCode\", floor_area as \"floorArea\" from exchange.property_unit where unit_no = :key",
                "owners", "select id_number as \"idNumber\", name, share_percent as \"sharePercent\", ownership "
                + "from exchange.property_owner where unit_no = :key order by share_percent desc, id_number", unitNo);
    }

    /** As {@link #unit} for each unit the person owns (a share of), in one query. */
    List<Map<String, Object>> unitsOf(String id) {
        return withPeople("""
                select p.k, u.unit_no as "unitNo", u.certificate_no as "certificateNo", to_char(u.registered_on, 'YYYY-MM-DD') as "registeredOn",
                       u.usage, u.address, u.community_code as "communityCode", u.district_code as "districtCode", u.floor_area as "floorArea",
                       o.id_number as "idNumber", o.name, o.share_percent as "sharePercent", o.ownership
                from (select unit_no, row_number() over (order by unit_no) as k
                      from (select distinct unit_no from exchange.property_owner where id_number = :key) d) p
                join exchange.property_unit u on u.unit_no = p.unit_no
                join exchange.property_owner o on o.unit_no = p.unit_no
                order by p.k, o.share_percent desc, o.id_number""", id, 8, "owners");
    }

    Optional<Map<String, Object>> contract(String contractNo) {
        return withList("select contract_no as \"contractNo\", unit_no as \"unitNo\", address, "
                + "community_code as \"communityCode\", district_code as \"districtCode\", developer, to_char(signed_on, " + D + ") as \"signedOn\", "
                + "delivered, to_char(delivered_on, " + D + ") as \"deliveredOn\" from exchange.purchase_contract where contract_no = :key",
                "buyers", "select id_number as \"idNumber\", name from exchange.contract_buyer where contract_no = :key order by id_number", contractNo);
    }

    /** As {@link #contract} for each contract the person is a buyer in, in one query. */
    List<Map<String, Object>> contractsOf(String id) {
        return withPeople("""
                select p.k, c.contract_no as "contractNo", c.unit_no as "unitNo", c.address, c.community_code as "communityCode",
                       c.district_code as "districtCode", c.developer, to_char(c.signed_on, 'YYYY-MM-DD') as "signedOn",
                       c.delivered, to_char(c.delivered_on, 'YYYY-MM-DD') as "deliveredOn",
                       b.id_number as "idNumber", b.name
                from (select contract_no, row_number() over (order by contract_no) as k from exchange.contract_buyer where id_number = :key) p
                join exchange.purchase_contract c on c.contract_no = p.contract_no
                join exchange.contract_buyer b on b.contract_no = p.contract_no
                order by p.k, b.id_number""", id, 9, "buyers");
    }

    List<Map<String, Object>> rentalsOf(String id) {
        return rows("select registration_no as \"registrationNo\", address, community_code as \"communityCode\", district_code as \"districtCode\", "
                + "landlord_name as \"landlordName\", tenant_id as \"tenantIdNumber\", tenant_name as \"tenantName\", "
                + "to_char(registered_on, " + D + ") as \"registeredOn\", to_char(starts_on, " + D + ") as \"startsOn\", "
                + "to_char(ends_on, " + D + ") as \"endsOn\" from exchange.rental_registration where tenant_id = :key order by registration_no", id);
    }

    List<Map<String, Object>> permitsOf(String id) {
        return rows("select permit_no as \"permitNo\", id_number as \"idNumber\", name, address, community_code as \"communityCode\", "
                + "district_code as \"districtCode\", to_char(issued_on, " + D + ") as \"issuedOn\", to_char(valid_until, " + D + ") as \"validUntil\" "
                + "from exchange.residence_permit where id_number = :key order by issued_on, permit_no", id);
    }

    List<Map<String, Object>> insuranceOf(String id) {
        return rows("select id_number as \"idNumber\", name, insurance_type as \"insuranceType\", employer, "
                + "to_char(first_paid_month, 'YYYY-MM') as \"firstPaidMonth\", to_char(last_paid_month, 'YYYY-MM') as \"lastPaidMonth\", "
                + "months_paid as \"monthsPaid\" from exchange.social_insurance where id_number = :key order by " + BatchQueries.INSURANCE_ORDER, id);
    }

    Optional<Map<String, Object>> civilAffairsOf(String id) {
        List<Map<String, Object>> events = rows("select event, to_char(event_on, " + D + ") as \"eventOn\", spouse_id as \"spouseIdNumber\", "
                + "spouse_name as \"spouseName\", office from exchange.civil_event where id_number = :key order by " + BatchQueries.CIVIL_EVENT_ORDER, id);
        List<Map<String, Object>> statuses = rows("select status, to_char(since, " + D + ") as since, to_char(until, " + D + ") as until "
                + "from exchange.civil_status where id_number = :key order by " + BatchQueries.CIVIL_STATUS_ORDER, id);
        if (events.isEmpty() && statuses.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("idNumber", id);
        result.put("maritalEvents", events);
        result.put("assistance", statuses);
        return Optional.of(result);
    }

    List<Map<String, Object>> studentOf(String id) {
        return rows("select student_no as \"studentNo\", id_number as \"idNumber\", name, school_code as \"schoolCode\", "
                + "school_name as \"schoolName\", grade, to_char(enrolled_on, " + D + ") as \"enrolledOn\", graduates_in as \"graduatesIn\", "
                + "status, graduation_score as \"graduationScore\" from exchange.student_record where id_number = :key order by student_no", id);
    }

    List<Map<String, Object>> preferentialOf(String id) {
        return rows("select record_no as \"recordNo\", id_number as \"idNumber\", name, category, department, detail, "
                + "to_char(valid_from, " + D + ") as \"validFrom\", to_char(valid_until, " + D + ") as \"validUntil\" "
                + "from exchange.preferential where id_number = :key order by record_no", id);
    }

    /** 出生医学证明: the children born to a person, as mother or father. */
    List<Map<String, Object>> birthsOf(String parent) {
        return rows("""
                select id_number as "idNumber", name, gender, to_char(birth_date, 'YYYY-MM-DD') as "birthDate",
                       mother_id as "motherIdNumber", mother_name as "motherName",
                       father_id as "fatherIdNumber", father_name as "fatherName",
                       certificate_no as "certificateNo", to_char(issued_on, 'YYYY-MM-DD') as "issuedOn"
                from exchange.birth_certificate where mother_id = :key or father_id = :key
                order by birth_date, id_number, certificate_no""", parent);
    }
}
