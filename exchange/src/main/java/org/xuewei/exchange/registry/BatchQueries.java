package org.xuewei.exchange.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Read models of the registries: what each department returns for a look-up, for many keys at once as a batch asks
 * them (a GET endpoint asks for one key): one query per look-up for all its keys ({@code = any(array)}), every look-up
 * of a batch in one round trip ({@link QueryRound}), the rows grouped by key in Java. The connections plan with
 * {@code random_page_cost = 1.1} (everything is in memory), so that the small registries (优待, 网签 buyers) are read
 * through their index too instead of scanned whole; 民政 assistance (3 pages) is still scanned for {@code = any}, so it
 * is asked key by key through its index (a lateral join). Each key's answer is exactly what the key's own query would give ({@code BatchQueriesTests}
 * compares it, byte for byte, with the one-key queries of {@code RegistryQueries} in the tests); a key with no record
 * has no entry.
 */
@Component
class BatchQueries {

    private static final String D = "'YYYY-MM-DD'";
    /** Orders that tell every two different answers apart (the one-key queries of the tests give the same order). */
    static final String INSURANCE_ORDER = "insurance_type, employer, first_paid_month, last_paid_month, months_paid, name";
    static final String CIVIL_EVENT_ORDER = "event_on, event, spouse_id, spouse_name, office";
    static final String CIVIL_STATUS_ORDER = "since, status, until";

    private final JdbcTemplate jdbc;

    BatchQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every look-up's answers for its keys (distinct), all in one round trip ({@link QueryRound}): for each look-up, each
     * key's answer, no entry for a key with no record.
     */
    Map<Lookup, Map<String, Object>> all(Map<Lookup, ? extends Collection<String>> keys) {
        QueryRound round = new QueryRound();
        Map<Lookup, Supplier<Map<String, Object>>> answers = new EnumMap<>(Lookup.class);
        keys.forEach((lookup, k) -> answers.put(lookup, lookup.ask(this, round, k)));
        round.run(jdbc);
        Map<Lookup, Map<String, Object>> result = new EnumMap<>(Lookup.class);
        answers.forEach((lookup, answer) -> result.put(lookup, answer.get()));
        return result;
    }

    Supplier<Map<String, Object>> person(QueryRound round, Collection<String> ids) {
        Map<String, List<Map<String, Object>>> rows = byKey(round, "select id_number, id_number as \"idNumber\", name, gender, "
                + "to_char(birth_date, " + D + ") as \"birthDate\" from exchange.person where id_number = any(?)", ids, ID);
        return () -> {
            Map<String, Object> result = new HashMap<>();
            rows.forEach((k, r) -> result.put(k, r.get(0)));
            return result;
        };
    }

    Supplier<Map<String, Object>> household(QueryRound round, Collection<String> householdNos) {
        Map<String, List<Map<String, Object>>> members = byKey(round, "select household_no, id_number as \"idNumber\", name, relation, "
                + "to_char(moved_in_on, " + D + ") as \"movedInOn\", moved_from as \"movedFrom\" from exchange.hukou_member "
                + "where household_no = any(?) order by household_no, case relation when '户主' then 0 else 1 end, moved_in_on, id_number",
                householdNos, NO);
        return withList(byKey(round, "select household_no, household_no as \"householdNo\", kind, address, community_code as \"communityCode\", "
                + "district_code as \"districtCode\", police_station as \"policeStation\", to_char(established_on, " + D + ") as \"establishedOn\" "
                + "from exchange.hukou_household where household_no = any(?)", householdNos, NO), "members", members);
    }

    Supplier<Map<String, Object>> householdsOf(QueryRound round, Collection<String> ids) {
        return withPeople(round, """
                select p.id_number, p.k, h.household_no as "householdNo", h.kind, h.address, h.community_code as "communityCode",
                       h.district_code as "districtCode", h.police_station as "policeStation", to_char(h.established_on, 'YYYY-MM-DD') as "establishedOn",
                       m.id_number as "idNumber", m.name, m.relation, to_char(m.moved_in_on, 'YYYY-MM-DD') as "movedInOn", m.moved_from as "movedFrom"
                from (select id_number, household_no, row_number() over (partition by id_number order by household_no) as k
                      from exchange.hukou_member where id_number = any(?)) p
                join exchange.hukou_household h on h.household_no = p.household_no
                join exchange.hukou_member m on m.household_no = p.household_no
                order by p.id_number, p.k, case m.relation when '户主' then 0 else 1 end, m.moved_in_on, m.id_number""", ids, 7, "members");
    }

    Supplier<Map<String, Object>> unit(QueryRound round, Collection<String> unitNos) {
        Map<String, List<Map<String, Object>>> owners = byKey(round, "select unit_no, id_number as \"idNumber\", name, share_percent as \"sharePercent\", "
                + "ownership from exchange.property_owner where unit_no = any(?) order by unit_no, share_percent desc, id_number", unitNos, NO);
        return withList(byKey(round, "select unit_no, unit_no as \"unitNo\", certificate_no as \"certificateNo\", "
                + "to_char(registered_on, " + D + ") as \"registeredOn\", usage, address, community_code as \"communityCode\", "
                + "district_code as \"districtCode\", floor_area as \"floorArea\" from exchange.property_unit where unit_no = any(?)",
                unitNos, NO), "owners", owners);
    }

    Supplier<Map<String, Object>> unitsOf(QueryRound round, Collection<String> ids) {
        return withPeople(round, """
                select p.id_number, p.k, u.unit_no as "unitNo", u.certificate_no as "certificateNo", to_char(u.registered_on, 'YYYY-MM-DD') as "registeredOn",
                       u.usage, u.address, u.community_code as "communityCode", u.district_code as "districtCode", u.floor_area as "floorArea",
                       o.id_number as "idNumber", o.name, o.share_percent as "sharePercent", o.ownership
                from (select id_number, unit_no, row_number() over (partition by id_number order by unit_no) as k
                      from (select distinct id_number, unit_no from exchange.property_owner where id_number = any(?)) d) p
                join exchange.property_unit u on u.unit_no = p.unit_no
                join exchange.property_owner o on o.unit_no = p.unit_no
                order by p.id_number, p.k, o.share_percent desc, o.id_number""", ids, 8, "owners");
    }

    Supplier<Map<String, Object>> contract(QueryRound round, Collection<String> contractNos) {
        Map<String, List<Map<String, Object>>> buyers = byKey(round, "select contract_no, id_number as \"idNumber\", name from exchange.contract_buyer "
                + "where contract_no = any(?) order by contract_no, id_number", contractNos, NO);
        return withList(byKey(round, "select contract_no, contract_no as \"contractNo\", unit_no as \"unitNo\", address, "
                + "community_code as \"communityCode\", district_code as \"districtCode\", developer, to_char(signed_on, " + D + ") as \"signedOn\", "
                + "delivered, to_char(delivered_on, " + D + ") as \"deliveredOn\" from exchange.purchase_contract where contract_no = any(?)",
                contractNos, NO), "buyers", buyers);
    }

    Supplier<Map<String, Object>> contractsOf(QueryRound round, Collection<String> ids) {
        return withPeople(round, """
                select p.id_number, p.k, c.contract_no as "contractNo", c.unit_no as "unitNo", c.address, c.community_code as "communityCode",
                       c.district_code as "districtCode", c.developer, to_char(c.signed_on, 'YYYY-MM-DD') as "signedOn",
                       c.delivered, to_char(c.delivered_on, 'YYYY-MM-DD') as "deliveredOn",
                       b.id_number as "idNumber", b.name
                from (select id_number, contract_no, row_number() over (partition by id_number order by contract_no) as k
                      from exchange.contract_buyer where id_number = any(?)) p
                join exchange.purchase_contract c on c.contract_no = p.contract_no
                join exchange.contract_buyer b on b.contract_no = p.contract_no
                order by p.id_number, p.k, b.id_number""", ids, 9, "buyers");
    }

    Supplier<Map<String, Object>> rentalsOf(QueryRound round, Collection<String> ids) {
        return lists(round, "select tenant_id, registration_no as \"registrationNo\", address, community_code as \"communityCode\", "
                + "district_code as \"districtCode\", landlord_name as \"landlordName\", tenant_id as \"tenantIdNumber\", tenant_name as \"tenantName\", "
                + "to_char(registered_on, " + D + ") as \"registeredOn\", to_char(starts_on, " + D + ") as \"startsOn\", "
                + "to_char(ends_on, " + D + ") as \"endsOn\" from exchange.rental_registration where tenant_id = any(?) "
                + "order by tenant_id, registration_no", ids);
    }

    Supplier<Map<String, Object>> permitsOf(QueryRound round, Collection<String> ids) {
        return lists(round, "select id_number, permit_no as \"permitNo\", id_number as \"idNumber\", name, address, community_code as \"communityCode\", "
                + "district_code as \"districtCode\", to_char(issued_on, " + D + ") as \"issuedOn\", to_char(valid_until, " + D + ") as \"validUntil\" "
                + "from exchange.residence_permit where id_number = any(?) order by id_number, issued_on, permit_no", ids);
    }

    Supplier<Map<String, Object>> insuranceOf(QueryRound round, Collection<String> ids) {
        return lists(round, "select id_number, id_number as \"idNumber\", name, insurance_type as \"insuranceType\", employer, "
                + "to_char(first_paid_month, 'YYYY-MM') as \"firstPaidMonth\", to_char(last_paid_month, 'YYYY-MM') as \"lastPaidMonth\", "
                + "months_paid as \"monthsPaid\" from exchange.social_insurance where id_number = any(?) "
                + "order by id_number, " + INSURANCE_ORDER, ids);
    }

    Supplier<Map<String, Object>> civilAffairsOf(QueryRound round, Collection<String> ids) {
        Map<String, List<Map<String, Object>>> events = byKey(round, "select id_number, event, to_char(event_on, " + D + ") as \"eventOn\", "
                + "spouse_id as \"spouseIdNumber\", spouse_name as \"spouseName\", office from exchange.civil_event where id_number = any(?) "
                + "order by id_number, " + CIVIL_EVENT_ORDER, ids, ID);
        // 民政 assistance fits in 3 pages: for id_number = any(?) PostgreSQL scans it all; per key (lateral), its index
        Map<String, List<Map<String, Object>>> statuses = byKey(round, "select id_number, status, to_char(since, " + D + ") as since, "
                + "to_char(until, " + D + ") as until from unnest(?) as k(id) cross join lateral "
                + "(select * from exchange.civil_status s where s.id_number = k.id offset 0) s order by id_number, " + CIVIL_STATUS_ORDER, ids, ID);
        return () -> {
            Map<String, Object> result = new HashMap<>();
            for (String id : ids) {
                List<Map<String, Object>> e = events.getOrDefault(id, List.of());
                List<Map<String, Object>> s = statuses.getOrDefault(id, List.of());
                if (!e.isEmpty() || !s.isEmpty()) {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("idNumber", id);
                    answer.put("maritalEvents", e.isEmpty() ? new ArrayList<>() : e);
                    answer.put("assistance", s.isEmpty() ? new ArrayList<>() : s);
                    result.put(id, answer);
                }
            }
            return result;
        };
    }

    Supplier<Map<String, Object>> studentOf(QueryRound round, Collection<String> ids) {
        return lists(round, "select id_number, student_no as \"studentNo\", id_number as \"idNumber\", name, school_code as \"schoolCode\", "
                + "school_name as \"schoolName\", grade, to_char(enrolled_on, " + D + ") as \"enrolledOn\", graduates_in as \"graduatesIn\", "
                + "status, graduation_score as \"graduationScore\" from exchange.student_record where id_number = any(?) "
                + "order by id_number, student_no", ids);
    }

    Supplier<Map<String, Object>> preferentialOf(QueryRound round, Collection<String> ids) {
        return lists(round, "select id_number, record_no as \"recordNo\", id_number as \"idNumber\", name, category, department, detail, "
                + "to_char(valid_from, " + D + ") as \"validFrom\", to_char(valid_until, " + D + ") as \"validUntil\" "
                + "from exchange.preferential where id_number = any(?) order by id_number, record_no", ids);
    }

    /** A certificate naming both parents asked for is in both answers. */
    Supplier<Map<String, Object>> birthsOf(QueryRound round, Collection<String> parents) {
        return lists(round, """
                select k.parent, b.id_number as "idNumber", b.name, b.gender, to_char(b.birth_date, 'YYYY-MM-DD') as "birthDate",
                       b.mother_id as "motherIdNumber", b.mother_name as "motherName",
                       b.father_id as "fatherIdNumber", b.father_name as "fatherName",
                       b.certificate_no as "certificateNo", to_char(b.issued_on, 'YYYY-MM-DD') as "issuedOn"
                from unnest(?) as k(parent)
                join exchange.birth_certificate b on b.mother_id = k.parent or b.father_id = k.parent
                order by k.parent, b.birth_date, b.id_number, b.certificate_no""", parents);
    }

    /** ID numbers are {@code char(18)}, record numbers {@code varchar}: the array has the column's type, so its index is used. */
    private static final String ID = "bpchar";
    private static final String NO = "varchar";

    private static Supplier<Map<String, Object>> lists(QueryRound round, String sql, Collection<String> ids) {
        Map<String, List<Map<String, Object>>> rows = byKey(round, sql, ids, ID);
        return () -> new HashMap<>(rows);
    }

    /** Each record with its list under {@code field} (an empty list when it has none), as the single look-up builds it. */
    private static Supplier<Map<String, Object>> withList(Map<String, List<Map<String, Object>>> records, String field,
                                                          Map<String, List<Map<String, Object>>> lists) {
        return () -> {
            Map<String, Object> result = new HashMap<>();
            records.forEach((k, rows) -> {
                Map<String, Object> record = rows.get(0);
                record.put(field, lists.getOrDefault(k, new ArrayList<>()));
                result.put(k, record);
            });
            return result;
        };
    }

    /** Rows whose first column is the key they answer: grouped by it, in the query's order, each row without it. */
    private static Map<String, List<Map<String, Object>>> byKey(QueryRound round, String sql, Collection<String> keys, String type) {
        Map<String, List<Map<String, Object>>> result = new HashMap<>();
        String[][] labels = {null};
        round.add(sql, keys, type, rs -> {
            if (labels[0] == null) {
                labels[0] = labels(rs.getMetaData());
            }
            result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(row(rs, labels[0], 2, labels[0].length - 1));
        });
        return result;
    }

    /**
     * Records with their people, for many keys, from one query: the first column is the key, the second numbers the
     * key's records, the next {@code recordColumns} are the record's and the rest one person's (ordered by key and
     * record): each record once, its people under {@code field}.
     */
    private static Supplier<Map<String, Object>> withPeople(QueryRound round, String sql, Collection<String> keys, int recordColumns,
                                                            String field) {
        Map<String, Object> result = new HashMap<>();
        Object[] current = {null, null};
        String[][] labels = {null};
        List<List<Map<String, Object>>> people = new ArrayList<>();
        round.add(sql, keys, ID, rs -> {
            if (labels[0] == null) {
                labels[0] = labels(rs.getMetaData());
            }
            String key = rs.getString(1);
            if (!key.equals(current[0]) || !rs.getObject(2).equals(current[1])) {
                current[0] = key;
                current[1] = rs.getObject(2);
                Map<String, Object> record = row(rs, labels[0], 3, recordColumns + 2);
                List<Map<String, Object>> list = new ArrayList<>();
                record.put(field, list);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> records = (List<Map<String, Object>>) result.computeIfAbsent(key, k -> new ArrayList<>());
                records.add(record);
                people.add(list);
            }
            people.get(people.size() - 1).add(row(rs, labels[0], recordColumns + 3, labels[0].length - 1));
        });
        return () -> result;
    }

    /** The columns' labels, by column index (1-based; [0] unused): looked up once per query, not per row. */
    private static String[] labels(ResultSetMetaData meta) throws SQLException {
        String[] labels = new String[meta.getColumnCount() + 1];
        for (int i = 1; i < labels.length; i++) {
            labels[i] = JdbcUtils.lookupColumnName(meta, i);
        }
        return labels;
    }

    /** Columns [from, to] of the current row by label, in order (one extra slot for the list a record gets). */
    private static Map<String, Object> row(ResultSet rs, String[] labels, int from, int to) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>((int) ((to - from + 2) / 0.75f) + 1);
        for (int i = from; i <= to; i++) {
            row.put(labels[i], JdbcUtils.getResultSetValue(rs, i));
        }
        return row;
    }
}
