package org.xuewei.platform.identity.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class DemoAccountsTests {

    @Autowired
    StaffAccounts accounts;
    @Autowired
    Districts districts;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void creates_the_city_and_district_accounts_with_random_passwords_in_an_owner_only_file() throws Exception {
        Path file = dir.resolve("data/demo-logins.txt");
        DemoAccounts demo = new DemoAccounts(accounts, districts, new DemoProperties(file));
        demo.run(new DefaultApplicationArguments());

        List<String[]> lines = logins(file);
        assertThat(lines).hasSize(2 + 2 * 9);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(accounts.find("admin-360113").orElseThrow().role()).isEqualTo(StaffRole.DISTRICT_ADMIN);
        assertThat(accounts.find("reviewer-360121").orElseThrow().districtCode()).isEqualTo("360121");
        assertThat(accounts.find("city-admin").orElseThrow().role()).isEqualTo(StaffRole.CITY_ADMIN);
        for (String[] login : lines) {
            String hash = jdbc.sql("select password_hash from identity.staff_account where username = :u")
                    .param("u", login[0]).query(String.class).single();
            assertThat(hash).startsWith("{bcrypt}").doesNotContain(login[1]);
            assertThat(passwordEncoder.matches(login[1], hash)).as(login[0]).isTrue();
        }
        assertThat(lines.stream().map(l -> l[1]).distinct()).hasSize(lines.size());

        // a second start keeps the accounts and the file
        String before = Files.readString(file);
        demo.run(new DefaultApplicationArguments());
        assertThat(Files.readString(file)).isEqualTo(before);

        // a lost file gets fresh passwords that work
        Files.delete(file);
        demo.run(new DefaultApplicationArguments());
        String[] admin = logins(file).stream().filter(l -> l[0].equals("admin-360102")).findFirst().orElseThrow();
        String hash = jdbc.sql("select password_hash from identity.staff_account where username = 'admin-360102'")
                .query(String.class).single();
        assertThat(passwordEncoder.matches(admin[1], hash)).isTrue();
    }

    private static List<String[]> logins(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .toList();
    }
}
