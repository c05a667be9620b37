package org.xuewei.exchange.registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuewei.exchange.ExchangeTestSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the call log's flush meets a row the database refuses, and a database that is down. */
class CallLogTests extends ExchangeTestSupport {

    @Autowired
    CallLog callLog;

    private List<UUID> record(String operation, int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            callLog.record(id, "xuewei-platform", "HUKOU", operation, "360102199001011234", "call-log-test", 200, 1);
            ids.add(id);
        }
        return ids;
    }

    private List<String> logged(List<UUID> ids) {
        return jdbc.sql("select request_id::text from exchange.call_log where request_id = any(:ids::uuid[]) order by id")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).query(String.class).list();
    }

    /**
     * A row the database refuses for its data (here: a trigger raising a data exception for one operation) is set
     * aside; every row around it is written, in order, by the same flush, and the log goes on afterwards.
     */
    @Test
    void aRowTheDatabaseRefusesIsSetAsideAndTheOthersAreWrittenInOrder() {
        callLog.flush();
        long setAside = callLog.setAside();
        jdbc.sql("""
                create function exchange.refuse_poison() returns trigger language plpgsql as $$
                begin
                    if new.operation = 'poison' then raise exception 'poisoned row' using errcode = '22023'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_poison before insert on exchange.call_log for each row execute function exchange.refuse_poison()").update();
        List<UUID> good = new ArrayList<>();
        List<UUID> poison;
        try {
            good.addAll(record("before", 7));
            poison = record("poison", 1);
            good.addAll(record("after", 12));
            callLog.flush();
        } finally {
            jdbc.sql("drop trigger refuse_poison on exchange.call_log").update();
            jdbc.sql("drop function exchange.refuse_poison()").update();
        }
        assertThat(logged(good)).containsExactlyElementsOf(good.stream().map(UUID::toString).toList());
        assertThat(logged(poison)).isEmpty();
        assertThat(callLog.setAside()).isEqualTo(setAside + 1);

        List<UUID> later = record("later", 3);
        callLog.flush();
        assertThat(logged(later)).hasSize(3);
    }

    /** With the log's table gone for a moment (the database failing, not a row), no row is set aside or lost. */
    @Test
    void whenTheDatabaseFailsTheRowsWaitForTheNextFlush() {
        callLog.flush();
        long setAside = callLog.setAside();
        List<UUID> ids;
        jdbc.sql("alter table exchange.call_log rename to call_log_hidden").update();
        try {
            ids = record("waiting", 5);
            assertThatThrownBy(callLog::flush).isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("alter table exchange.call_log_hidden rename to call_log").update();
        }
        callLog.flush();
        assertThat(logged(ids)).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        assertThat(callLog.setAside()).isEqualTo(setAside);
    }

    /** Every value of a row is stored as recorded (binary COPY): text in any script, a NUL as U+FFFD, nulls, the time. */
    @Test
    void aRowIsStoredAsRecorded() {
        UUID id = UUID.randomUUID();
        UUID anonymous = UUID.randomUUID();
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        callLog.record(id, "客户端\0x", "HUKOU", "households-of-person", "36010219900101123X", "入学资格审核\ttab", 404, 12_345);
        callLog.record(anonymous, null, "NONE", "batch", null, null, 400, 0);
        java.time.Instant after = java.time.Instant.now();
        callLog.flush();
        var row = jdbc.sql("""
                select request_id::text as id, at, client_id, registry, operation, subject_hash, subject_mask, purpose, status, duration_ms
                from exchange.call_log where request_id = :id::uuid""").param("id", id.toString()).query().singleRow();
        assertThat(row.get("id")).isEqualTo(id.toString());
        assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isBetween(before, after);
        assertThat(row.get("client_id")).isEqualTo("客户端\uFFFDx");
        assertThat(row.get("registry")).isEqualTo("HUKOU");
        assertThat(row.get("operation")).isEqualTo("households-of-person");
        assertThat(row.get("subject_hash")).isEqualTo(callLog.hash("36010219900101123X"));
        assertThat(row.get("subject_mask")).isEqualTo("3601**********123X");
        assertThat(row.get("purpose")).isEqualTo("入学资格审核\ttab");
        assertThat(row.get("status")).isEqualTo(404);
        assertThat(row.get("duration_ms")).isEqualTo(12_345);
        var empty = jdbc.sql("select client_id, subject_hash, subject_mask, purpose from exchange.call_log where request_id = :id::uuid")
                .param("id", anonymous.toString()).query().singleRow();
        assertThat(empty.values()).containsOnlyNulls();
    }
}
