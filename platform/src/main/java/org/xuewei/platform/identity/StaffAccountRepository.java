package org.xuewei.platform.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code identity.staff_account}. */
@Repository
class StaffAccountRepository {

    private static final String COLUMNS = "username, password_hash, role, district_code, school_id, enabled";

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffAccountRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<StaffPrincipal> findPrincipal(String username) {
        return jdbc.sql("select " + COLUMNS + " from identity.staff_account where username = :username")
                .param("username", username)
                .query(StaffAccountRepository::principal).optional();
    }

    List<StaffAccount> findAll() {
        return jdbc.sql("select " + COLUMNS + " from identity.staff_account order by username")
                .query((rs, n) -> principal(rs, n).account()).list();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from identity.staff_account where username = :username")
                .param("username", username).query(Integer.class).single() > 0;
    }

    void insert(StaffAccount account, String passwordHash) {
        jdbc.sql("""
                        insert into identity.staff_account (username, password_hash, role, district_code, school_id, enabled, created_at)
                        values (:username, :hash, :role, :districtCode, :schoolId, :enabled, :createdAt)""")
                .param("username", account.username())
                .param("hash", passwordHash)
                .param("role", account.role().name())
                .param("districtCode", account.districtCode())
                .param("schoolId", account.schoolId())
                .param("enabled", account.enabled())
                .param("createdAt", OffsetDateTime.now(clock))
                .update();
    }

    int updatePassword(String username, String passwordHash) {
        return jdbc.sql("update identity.staff_account set password_hash = :hash where username = :username")
                .param("username", username)
                .param("hash", passwordHash)
                .update();
    }

    private static StaffPrincipal principal(ResultSet rs, int rowNum) throws SQLException {
        StaffAccount account = new StaffAccount(rs.getString("username"), StaffRole.valueOf(rs.getString("role")),
                rs.getString("district_code"), rs.getString("school_id"), rs.getBoolean("enabled"));
        return new StaffPrincipal(account, rs.getString("password_hash"));
    }
}
