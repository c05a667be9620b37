package org.xuewei.devdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTests {

    @Test
    void keepsDataBetweenRunsInTheSameDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0, "xuewei")) {
            assertThat(first.fresh()).isTrue();
            try (Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('南昌')");
            }
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0, "xuewei")) {
            assertThat(second.fresh()).isFalse();
            try (Connection c = second.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("南昌");
            }
            assertThat(second.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/xuewei");
        }
    }

    @Test
    void refusesAnUnsafeDatabaseName() {
        assertThatThrownBy(() -> EmbeddedDatabase.start(null, 0, "x; drop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
    }
}
