package org.xuewei.exchange.idp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.config.ExchangeProperties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Real-name accounts: adults of the population registry with a mobile number. */
@Component
class CityUsers {

    private final JdbcClient jdbc;
    private final byte[] subjectKey;
    private final Clock clock;

    CityUsers(JdbcClient jdbc, ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        String key = properties.idp().subjectKey();
        this.subjectKey = (key == null || key.isBlank() ? UUID.randomUUID().toString() : key).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    Optional<CityUser> byPhone(String phone) {
        LocalDate adult = LocalDate.now(clock).minusYears(18);
        return jdbc.sql("select id_number, name from exchange.person where phone = :phone and birth_date <= :adult")
                .param("phone", phone).param("adult", adult)
                .query((rs, i) -> new CityUser(subject(rs.getString(1)), rs.getString(2), rs.getString(1), phone))
                .optional();
    }

    /** Stable pseudonymous subject: keyed hash of the ID number, so relying parties cannot derive the number. */
    String subject(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
            return "c" + HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8))).substring(0, 31);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
