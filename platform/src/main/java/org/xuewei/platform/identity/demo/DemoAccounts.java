package org.xuewei.platform.identity.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo profile only: makes sure the demo staff accounts exist — {@code city-admin}, {@code auditor},
 * and {@code admin-<code>} and {@code reviewer-<code>} for each district — with random passwords that
 * are written to the demo logins file and nowhere else. When an account is missing or the file is
 * gone, every demo account gets a fresh password and the file is rewritten, so the file always works.
 */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationRunner {

    static final String ACTOR = "system:demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final StaffAccounts accounts;
    private final Districts districts;
    private final DemoLoginsFile file;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(StaffAccounts accounts, Districts districts, DemoProperties properties) {
        this.accounts = accounts;
        this.districts = districts;
        this.file = new DemoLoginsFile(properties.loginsFile());
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<DemoLogin> wanted = wanted();
        boolean allExist = wanted.stream().allMatch(login -> accounts.exists(login.username()));
        if (allExist && file.covers(wanted)) {
            log.info("Demo staff accounts exist; their logins are in {}", file.path());
            return;
        }
        List<DemoLogin> written = new ArrayList<>();
        for (DemoLogin login : wanted) {
            String password = password();
            if (accounts.exists(login.username())) {
                accounts.changePassword(ACTOR, login.username(), password);
            } else {
                accounts.create(ACTOR, login.username(), password, login.role(), login.districtCode(), null);
            }
            written.add(login.withPassword(password));
        }
        file.write(written);
        log.info("Demo staff accounts ready ({}); their logins are in {}", written.size(), file.path());
    }

    private List<DemoLogin> wanted() {
        List<DemoLogin> logins = new ArrayList<>();
        logins.add(new DemoLogin("city-admin", StaffRole.CITY_ADMIN, null, "", null));
        logins.add(new DemoLogin("auditor", StaffRole.AUDITOR, null, "", null));
        for (District district : districts.all()) {
            logins.add(new DemoLogin("admin-" + district.code(), StaffRole.DISTRICT_ADMIN, district.code(),
                    district.name(), null));
            logins.add(new DemoLogin("reviewer-" + district.code(), StaffRole.DISTRICT_REVIEWER, district.code(),
                    district.name(), null));
        }
        return logins;
    }

    private String password() {
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

}
