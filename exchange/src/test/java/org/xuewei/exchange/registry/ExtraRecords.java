package org.xuewei.exchange.registry;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** Test records added for a person in no record of the generated city, and taken away again. */
final class ExtraRecords {

    private ExtraRecords() {
    }

    /** The person becomes a member of 3 households and an owner of 2 units, each unit with 2 owner rows of theirs. */
    static void addHouseholdsAndUnits(JdbcClient jdbc, String id) {
        jdbc.sql("""
                insert into exchange.hukou_member (household_no, id_number, name, relation, moved_in_on)
                select household_no, :id, '测试', '其他', date '2020-01-01' from exchange.hukou_household order by household_no desc limit 3""")
                .param("id", id).update();
        jdbc.sql("""
                insert into exchange.property_owner (unit_no, id_number, name, share_percent, ownership)
                select unit_no, :id, '测试', 10, '按份共有' from (select unit_no from exchange.property_unit order by unit_no limit 2) u
                cross join generate_series(1, 2)""").param("id", id).update();
    }

    /** The person's rows in these tables (of the exchange schema) deleted. */
    static void remove(JdbcClient jdbc, String id, List<String> tables) {
        for (String table : tables) {
            jdbc.sql("delete from exchange." + table + " where id_number = :id").param("id", id).update();
        }
    }
}
