package org.xuewei.platform.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuewei.platform.catalog.importing.CatalogWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** School zones (学区划片) per season: which school or schools serve a community. */
@Service
public class Zones {

    private final JdbcClient jdbc;

    Zones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The zone a community belongs to for a stage and season. */
    public Optional<Zone> zoneOf(String communityCode, SchoolStage stage, int season) {
        List<Long> ids = jdbc.sql("""
                        select zone_id from catalog.zone_community
                        where community_code = :community and stage = :stage and season = :season""")
                .param("community", communityCode).param("stage", stage.name()).param("season", season)
                .query(Long.class).list();
        return ids.isEmpty() ? Optional.empty() : load("z.id = :id", Map.of("id", ids.get(0))).stream().findFirst();
    }

    /** The zone schools of a community for a stage and season: one, several (多校划片) or none. */
    public List<School> schoolsFor(String communityCode, SchoolStage stage, int season) {
        return jdbc.sql("select " + prefixed() + """
                         from catalog.zone_community c
                        join catalog.zone_school zs on zs.zone_id = c.zone_id
                        join catalog.school s on s.code = zs.school_code
                        where c.community_code = :community and c.stage = :stage and c.season = :season
                        order by s.code""")
                .param("community", communityCode).param("stage", stage.name()).param("season", season)
                .query(CatalogWriter::school).list();
    }

    /** A district's zones of a season, by stage and code. */
    public List<Zone> ofDistrict(String districtCode, int season) {
        return load("z.district_code = :district and z.season = :season",
                Map.of("district", districtCode, "season", season));
    }

    /** How many communities are zoned to each of a district's schools in a season (school code → count). */
    public Map<String, Integer> communitiesPerSchool(String districtCode, int season) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select zs.school_code, count(c.community_code) as communities
                        from catalog.zone z join catalog.zone_school zs on zs.zone_id = z.id
                        join catalog.zone_community c on c.zone_id = z.id
                        where z.district_code = :district and z.season = :season
                        group by zs.school_code order by zs.school_code""")
                .param("district", districtCode).param("season", season)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    private static String prefixed() {
        return "s.code, s.name, s.district_code, s.stage, s.ownership, s.community_code, s.address, s.lon, s.lat";
    }

    private record Head(long id, String code, String districtCode, int season, String stage) {
    }

    private List<Zone> load(String where, Map<String, ?> params) {
        List<Head> heads = jdbc.sql("select z.id, z.code, z.district_code, z.season, z.stage from catalog.zone z where "
                        + where + " order by z.stage desc, z.code")
                .params(params).query(Head.class).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(Head::id).toList();
        Map<Long, List<String>> schools = new LinkedHashMap<>();
        jdbc.sql("select zone_id, school_code from catalog.zone_school where zone_id in (:ids) order by school_code")
                .param("ids", ids)
                .query((rs, n) -> schools.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<Long, List<String>> communities = new LinkedHashMap<>();
        jdbc.sql("select zone_id, community_code from catalog.zone_community where zone_id in (:ids) order by community_code")
                .param("ids", ids)
                .query((rs, n) -> communities.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return heads.stream().map(h -> new Zone(h.code(), h.districtCode(), h.season(), SchoolStage.valueOf(h.stage()),
                schools.getOrDefault(h.id(), List.of()), communities.getOrDefault(h.id(), List.of()))).toList();
    }
}
