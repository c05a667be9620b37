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
    void aServerWhoseDataIsKeptAcknowledgesOnlyCommitsOnDisk(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase kept = EmbeddedDatabase.start(dir.resolve("pg"), 0, "xuewei")) {
            assertThat(setting(kept, "fsync")).isEqualTo("on");
            assertThat(setting(kept, "synchronous_commit")).isEqualTo("on");
        }
        try (EmbeddedDatabase temporary = EmbeddedDatabase.start(null, 0, "xuewei")) {
            assertThat(setting(temporary, "fsync")).isEqualTo("off");
            assertThat(setting(temporary, "synchronous_commit")).isEqualTo("off");
        }
        System.setProperty("xuewei.devdb.durable", "true");
        try (EmbeddedDatabase measured = EmbeddedDatabase.start(null, 0, "xuewei")) {
            assertThat(setting(measured, "fsync")).isEqualTo("on");
            assertThat(setting(measured, "synchronous_commit")).isEqualTo("on");
        } finally {
            System.clearProperty("xuewei.devdb.durable");
        }
    }

    private static String setting(EmbeddedDatabase db, String name) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void refusesAnUnsafeDatabaseName() {
        assertThatThrownBy(() -> EmbeddedDatabase.start(null, 0, "x; drop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
    }
}
