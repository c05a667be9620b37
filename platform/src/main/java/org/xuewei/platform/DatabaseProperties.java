package org.xuewei.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform's database is. With a blank {@code url} the platform starts an embedded
 * PostgreSQL itself; its data lives in {@code embeddedDataDir} (blank: a temporary directory, as in tests).
 *
 * @param url JDBC URL of an external (or launcher-provided) PostgreSQL, from {@code XUEWEI_DB_URL}
 * @param user database user, from {@code XUEWEI_DB_USER}
 * @param password database password, from {@code XUEWEI_DB_PASSWORD}
 * @param embeddedDataDir data directory of the embedded server when {@code url} is blank
 */
@ConfigurationProperties("xuewei.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        @DefaultValue("data/platform-pg") String embeddedDataDir) {

    boolean external() {
        return url != null && !url.isBlank();
    }
}
