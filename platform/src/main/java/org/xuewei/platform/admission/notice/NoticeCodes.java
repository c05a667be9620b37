package org.xuewei.platform.admission.notice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.engine.Hex;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 录取通知书 codes: an unguessable code per notice, and an HMAC over (code, application, school) with a key
 * kept in the database, so a QR link can be checked without showing any personal data.
 */
@Component
public class NoticeCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the public check shows: no name, no number of the child. */
    public record Genuine(String code, String schoolName, String districtCode, int season, int grade, Instant issuedAt) {
    }

    /** Notices per insert statement. */
    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private volatile byte[] key;

    NoticeCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String issue(long run, String applicationNo, String school, String schoolName, Instant at) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String code = Hex.of(raw);
        jdbc.sql("""
                        insert into admission.notice (code, run_id, application_no, school_code, school_name, issued_at)
                        values (:code, :run, :no, :school, :name, :at)""")
                .param("code", code).param("run", run).param("no", applicationNo).param("school", school)
                .param("name", schoolName).param("at", Timestamp.from(at)).update();
        return code;
    }

    /** One notice per placed child (application number → school code), one statement per ten thousand. */
    public void issueAll(long run, Map<String, String> schoolByApplication, Map<String, String> schoolNames,
                         Instant at) {
        List<Map.Entry<String, String>> all = List.copyOf(schoolByApplication.entrySet());
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<Map.Entry<String, String>> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            String[] codes = new String[chunk.size()];
            String[] numbers = new String[chunk.size()];
            String[] schools = new String[chunk.size()];
            String[] names = new String[chunk.size()];
            for (int i = 0; i < codes.length; i++) {
                byte[] raw = new byte[16];
                RANDOM.nextBytes(raw);
                codes[i] = Hex.of(raw);
                numbers[i] = chunk.get(i).getKey();
                schools[i] = chunk.get(i).getValue();
                names[i] = schoolNames.getOrDefault(schools[i], schools[i]);
            }
            jdbc.sql("""
                            insert into admission.notice (code, run_id, application_no, school_code, school_name, issued_at)
                            select n.code, :run, n.no, n.school, n.name, :at
                            from unnest(:codes, :numbers, :schools, :names) as n(code, no, school, name)""")
                    .param("run", run).param("at", Timestamp.from(at)).param("codes", codes).param("numbers", numbers)
                    .param("schools", schools).param("names", names).update();
        }
    }

    /**
     * The child's notice names another school now (an upheld appeal): the old notice is withdrawn — its link then
     * says "not found" — and a new one is issued. Returns the new code.
     */
    public String reissue(long run, String applicationNo, String school, String schoolName, Instant at) {
        jdbc.sql("delete from admission.notice where run_id = :run and application_no = :no")
                .param("run", run).param("no", applicationNo).update();
        return issue(run, applicationNo, school, schoolName, at);
    }

    public Optional<String> codeOf(long run, String applicationNo) {
        return jdbc.sql("select code from admission.notice where run_id = :run and application_no = :no")
                .param("run", run).param("no", applicationNo).query(String.class).optional();
    }

    /** The query string of the verification link: {@code code} and {@code m} (the HMAC). */
    public String mac(String code) {
        return jdbc.sql("select application_no, school_code from admission.notice where code = :code")
                .param("code", code).query((rs, n) -> mac(code, rs.getString(1), rs.getString(2))).single();
    }

    /** Genuine only when the code exists and the HMAC matches; anything else is "not found". */
    public Optional<Genuine> check(String code, String mac) {
        if (code == null || mac == null || !code.matches("[0-9a-f]{32}") || !mac.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select n.application_no, n.school_code, n.school_name, r.district_code, r.season, r.grade,
                            n.issued_at
                        from admission.notice n join admission.run r on r.id = n.run_id where n.code = :code""")
                .param("code", code)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), new Genuine(code, rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant())})
                .optional()
                .filter(row -> MessageDigest.isEqual(mac(code, (String) row[0], (String) row[1])
                        .getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII)))
                .map(row -> (Genuine) row[2]);
    }

    String mac(String code, String applicationNo, String school) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = hmac.doFinal((code + "|" + applicationNo + "|" + school).getBytes(StandardCharsets.UTF_8));
            return Hex.of(full).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.sql("insert into admission.notice_key (id, key) values (1, :key) on conflict (id) do nothing")
                    .param("key", Hex.of(fresh)).update();
            k = Hex.parseDigest(jdbc.sql("select key from admission.notice_key where id = 1").query(String.class).single());
            key = k;
        }
        return k;
    }
}
