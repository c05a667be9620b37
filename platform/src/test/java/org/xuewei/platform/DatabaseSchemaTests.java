package org.xuewei.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform keeps its tables in one schema per module, never in public (shared with the exchange). */
@PlatformTest
class DatabaseSchemaTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublicationRepository eventPublications;

    @Test
    void no_table_is_in_the_public_schema() {
        assertThat(tablesIn("public")).isEmpty();
    }

    @Test
    void each_module_has_its_schema_with_its_own_migration_history() {
        for (String schema : List.of("identity", "catalog", "audit", "modulith")) {
            assertThat(tablesIn(schema)).as(schema).contains("flyway_schema_history");
        }
        assertThat(tablesIn("identity")).contains("staff_account");
        assertThat(tablesIn("catalog")).contains("division");
        assertThat(tablesIn("audit")).contains("audit_event");
        assertThat(tablesIn("modulith")).contains("event_publication");
    }

    @Test
    void the_real_divisions_are_imported() {
        assertThat(jdbc.sql("select count(*) from catalog.division where level = 'district'").query(Long.class).single())
                .isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from catalog.division").query(Long.class).single()).isEqualTo(2412);
    }

    @Test
    void the_event_publication_registry_uses_the_modulith_schema() {
        // fails with "relation does not exist" unless the registry reads modulith.event_publication
        assertThat(eventPublications.findIncompletePublications()).isEmpty();
    }

    private List<String> tablesIn(String schema) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = :schema")
                .param("schema", schema).query(String.class).list();
    }
}
