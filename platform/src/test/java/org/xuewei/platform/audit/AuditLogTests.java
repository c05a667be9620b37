package org.xuewei.platform.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformTest
class AuditLogTests {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void each_event_is_chained_to_the_previous_one() {
        AuditRecord first = audit.record(new AuditEntry("audit-test", "audit.test.first", "x", "127.0.0.1", ""));
        AuditRecord second = audit.record(new AuditEntry("audit-test", "audit.test.second", "y", "", "detail"));
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(AuditLog.hash(first.hash(), second.occurredAt(), second.entry()));
        assertThat(audit.verify().intact()).isTrue();
        assertThat(audit.latest(1).get(0).hash()).isEqualTo(second.hash());
    }

    @Test
    void the_table_refuses_updates_and_deletes() {
        audit.record(new AuditEntry("audit-test", "audit.test.protected", "", "", ""));
        assertThatThrownBy(() -> jdbc.sql("update audit.audit_event set actor = 'mallory'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void a_changed_field_changes_the_hash() {
        AuditEntry entry = new AuditEntry("a", "b.c", "", "", "");
        Instant now = Instant.parse("2026-07-15T01:00:00Z");
        assertThat(AuditLog.hash(AuditLog.GENESIS, now, entry))
                .isNotEqualTo(AuditLog.hash(AuditLog.GENESIS, now, new AuditEntry("a", "b.c", "", "", "x")))
                .hasSize(64);
    }
}
