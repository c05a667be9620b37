package org.xuewei.platform.admission;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.catalog.CatalogImport;
import org.xuewei.platform.catalog.CommunityLocations;
import org.xuewei.platform.catalog.Editor;
import org.xuewei.platform.catalog.ImportProblem;
import org.xuewei.platform.catalog.ImportResult;
import org.xuewei.platform.identity.PersonalData;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 统筹 from home: the city's catalog.json gives each community's location, the catalog stores it, and the
 * applications' candidates stand at their chosen home's community (at the zone school, marked so, without one).
 */
@PlatformTest
class HomeLocationTests {

    static final String DISTRICT = "360111";

    @Autowired CatalogImport imports;
    @Autowired CommunityLocations locations;
    @Autowired AdmissionCandidates candidates;
    @Autowired JdbcClient jdbc;
    @Autowired PersonalData personal;

    ImportResult importJson(String communities) {
        String json = """
                {"format": "xuewei-catalog/1", "season": 2030, "communities": [%s], "schools": [], "zones": [], "plans": []}"""
                .formatted(communities);
        return imports.importCatalogJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Editor.city("home-location-test", ""), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void community_locations_are_imported_checked_and_looked_up() {
        ImportResult ok = importJson("""
                {"code": "360111001002", "name": "电化社区居委会", "lon": 115.95, "lat": 28.66},
                {"code": "360111001004", "lon": 115.96, "lat": 28.67}""");
        assertThat(ok.problems()).isEmpty();
        assertThat(locations.of("360111001004")).contains(new CommunityLocations.Location(28.67, 115.96));
        assertThat(locations.of(List.of("360111001002", "360111001004", "360111999999")))
                .containsOnlyKeys("360111001002", "360111001004");

        // an unknown community or a point off the globe: every problem named, nothing written
        ImportResult bad = importJson("""
                {"code": "360111001002", "lon": 116.0, "lat": 28.0},
                {"code": "360111999999", "lon": 115.9, "lat": 28.6},
                {"code": "360111001004", "lon": 115.9, "lat": 128.6}""");
        assertThat(bad.written()).isFalse();
        assertThat(bad.problems()).extracting(ImportProblem::code)
                .containsExactly("unknown-community-location", "bad-community-location");
        assertThat(locations.of("360111001002")).contains(new CommunityLocations.Location(28.66, 115.95));
    }

    @Test
    void a_candidate_stands_at_its_chosen_homes_community_or_at_its_zone_school_marked_so() {
        importJson("""
                {"code": "360111001008", "lon": 115.97, "lat": 28.65}""");
        jdbc.sql("""
                        insert into catalog.school (code, name, district_code, stage, ownership, community_code, address, lon, lat)
                        values ('360111P977', '测试小学', :d, 'PRIMARY', 'PUBLIC', '360111001008', '', 115.90, 28.60)
                        on conflict (code) do nothing""").param("d", DISTRICT).update();
        int season = 2071;
        // the chosen home is the property P:77 in community 360111001008; the other is the hukou in another community
        String facts = """
                {"properties": [{"source": {"registry": "PROPERTY", "recordId": "77"},
                                 "address": {"id": "addr-77", "districtCode": "360111", "communityCode": "360111001008"}}],
                 "hukous": [{"source": {"registry": "HUKOU", "recordId": "77"},
                             "address": {"id": "addr-h", "districtCode": "360111", "communityCode": "360111001002"}}]}""";
        String home = application(season, "P:77", facts);
        String noLocation = application(season, "H:5", """
                {"hukous": [{"source": {"registry": "HUKOU", "recordId": "5"},
                             "address": {"id": "addr-5", "districtCode": "360111", "communityCode": "360111001099"}}]}""");
        Map<String, AdmissionCandidate> byNo = new java.util.HashMap<>();
        candidates.of(DISTRICT, season, 1).forEach(c -> byNo.put(c.applicationNo(), c));
        assertThat(byNo.get(home)).satisfies(c -> {
            assertThat(c.homeLocated()).isTrue();
            assertThat(c.latitude()).isEqualTo(28.65);
            assertThat(c.longitude()).isEqualTo(115.97);
        });
        assertThat(byNo.get(noLocation)).satisfies(c -> {
            assertThat(c.homeLocated()).isFalse();
            assertThat(c.latitude()).isEqualTo(28.60); // the zone school's
            assertThat(c.longitude()).isEqualTo(115.90);
        });
    }

    /** A verified application with its facts, as the application module stores it (test set-up only). */
    String application(int season, String homeRef, String facts) {
        String guardian = "3601" + String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)) + "X";
        String childId = "3601" + String.format("%013d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L)) + "X";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID child = UUID.randomUUID();
        jdbc.sql("""
                        insert into application.child (id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, created_at)
                        values (:id, :g, :c, :cipher, '王小明', :birth, 'G1', :season, :now)""")
                .param("id", child).param("g", personal.lookupHash(guardian)).param("c", personal.lookupHash(childId))
                .param("cipher", personal.encrypt(childId)).param("birth", LocalDate.of(season - 6, 3, 1))
                .param("season", season).param("now", now).update();
        UUID id = UUID.randomUUID();
        String number = "HL" + Long.toString(Math.abs(id.getMostSignificantBits()) % 1_000_000_000L);
        jdbc.sql("""
                        insert into application.application (id, number, child_id, child_hash, guardian_hash, guardian_cipher, season,
                            grade, status, district_code, public_school, home_kind, home_ref, home_key, category_code, reasons, note,
                            idempotency_key, consent_at, submitted_at, updated_at)
                        values (:id, :number, :child, :c, :g, :gc, :season, 'G1', 'VERIFIED', :district, '360111P977', 'CERTIFICATE',
                            :home, :homeKey, 'C1', '', '', :key, :now, :now, :now)""")
                .param("id", id).param("number", number).param("child", child)
                .param("c", personal.lookupHash(childId)).param("g", personal.lookupHash(guardian))
                .param("gc", personal.encrypt(guardian)).param("season", season).param("home", homeRef)
                .param("district", DISTRICT).param("homeKey", "0".repeat(64)).param("key", id.toString())
                .param("now", now).update();
        jdbc.sql("""
                        insert into application.candidate_facts (application_id, zone_schools, facts, recorded_at)
                        values (:id, '360111P977', cast(:facts as json), :now)""")
                .param("id", id).param("facts", facts).param("now", now).update();
        return number;
    }
}
