package org.xuewei.platform.catalog.importing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.platform.catalog.EnrollmentPlan;
import org.xuewei.platform.catalog.School;
import org.xuewei.platform.catalog.SchoolOwnership;
import org.xuewei.platform.catalog.SchoolStage;
import org.xuewei.platform.catalog.Zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SQL of an import: what the checks compare with, and the writes (in the caller's transaction). */
@Component
public class CatalogWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CatalogWriter(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Reference reference() {
        Set<String> districts = new HashSet<>(jdbc.sql("select code from catalog.division where level = 'district'")
                .query(String.class).list());
        Map<String, String> communities = new HashMap<>();
        jdbc.sql("""
                        select c.code, s.parent_code from catalog.division c
                        join catalog.division s on s.code = c.parent_code
                        where c.level = 'community'""")
                .query((rs, n) -> communities.put(rs.getString(1), rs.getString(2))).list();
        Map<String, School> schools = new HashMap<>();
        for (School school : jdbc.sql("select " + SCHOOL_COLUMNS + " from catalog.school").query(CatalogWriter::school)
                .list()) {
            schools.put(school.code(), school);
        }
        return new Reference(districts, communities, schools);
    }

    public static final String SCHOOL_COLUMNS =
            "code, name, district_code, stage, ownership, community_code, address, lon, lat";

    public static School school(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new School(rs.getString("code"), rs.getString("name"), rs.getString("district_code"),
                SchoolStage.valueOf(rs.getString("stage")), SchoolOwnership.valueOf(rs.getString("ownership")),
                rs.getString("community_code"), rs.getString("address"), rs.getObject("lon", Double.class),
                rs.getObject("lat", Double.class));
    }

    /** Stores (or replaces) communities' WGS-84 points (community code → {lat, lon}); the caller checked them. */
    public void writeLocations(Map<String, double[]> locations) {
        List<Object[]> rows = new ArrayList<>();
        locations.forEach((code, at) -> rows.add(new Object[] {code, at[1], at[0]}));
        batch.batchUpdate("""
                insert into catalog.community_location (community_code, lon, lat) values (?, ?, ?)
                on conflict (community_code) do update set lon = excluded.lon, lat = excluded.lat""", rows);
    }

    public void write(CatalogChanges changes) {
        List<Object[]> schools = new ArrayList<>();
        for (School s : changes.schools()) {
            schools.add(new Object[] {s.code(), s.name(), s.districtCode(), s.stage().name(), s.ownership().name(),
                    s.communityCode(), s.address() == null ? "" : s.address(), s.lon(), s.lat()});
        }
        batch.batchUpdate("""
                insert into catalog.school (code, name, district_code, stage, ownership, community_code, address, lon, lat)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, district_code = excluded.district_code,
                    stage = excluded.stage, ownership = excluded.ownership, community_code = excluded.community_code,
                    address = excluded.address, lon = excluded.lon, lat = excluded.lat, updated_at = now()""", schools);

        for (CatalogChanges.ZoneScope scope : changes.replacedZones()) {
            jdbc.sql("delete from catalog.zone where season = :season and district_code = :district and stage = :stage")
                    .param("season", scope.season()).param("district", scope.districtCode())
                    .param("stage", scope.stage().name()).update();
        }
        List<Object[]> zoneSchools = new ArrayList<>();
        List<Object[]> zoneCommunities = new ArrayList<>();
        for (Zone zone : changes.zones()) {
            long id = jdbc.sql("""
                            insert into catalog.zone (season, district_code, stage, code)
                            values (:season, :district, :stage, :code) returning id""")
                    .param("season", zone.season()).param("district", zone.districtCode())
                    .param("stage", zone.stage().name()).param("code", zone.code())
                    .query(Long.class).single();
            for (String school : zone.schoolCodes()) {
                zoneSchools.add(new Object[] {id, school});
            }
            for (String community : zone.communityCodes()) {
                zoneCommunities.add(new Object[] {id, zone.season(), zone.stage().name(), community});
            }
        }
        batch.batchUpdate("insert into catalog.zone_school (zone_id, school_code) values (?, ?)", zoneSchools);
        batch.batchUpdate("insert into catalog.zone_community (zone_id, season, stage, community_code) values (?, ?, ?, ?)",
                zoneCommunities);

        List<Object[]> plans = new ArrayList<>();
        for (EnrollmentPlan p : changes.plans()) {
            plans.add(new Object[] {p.schoolCode(), p.season(), p.grade(), p.classes(), p.classSize(), p.seats()});
        }
        batch.batchUpdate("""
                insert into catalog.enrollment_plan (school_code, season, grade, classes, class_size, seats)
                values (?, ?, ?, ?, ?, ?)
                on conflict (school_code, season, grade) do update set classes = excluded.classes,
                    class_size = excluded.class_size, seats = excluded.seats, updated_at = now()""", plans);
    }
}
