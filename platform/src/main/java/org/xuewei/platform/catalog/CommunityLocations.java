package org.xuewei.platform.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the city's communities are (WGS-84), as imported from the city's catalog.json; not every one is known. */
@Service
public class CommunityLocations {

    /** A WGS-84 point. */
    public record Location(double lat, double lon) {
    }

    private final JdbcClient jdbc;

    CommunityLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Location> of(String communityCode) {
        return jdbc.sql("select lat, lon from catalog.community_location where community_code = :code")
                .param("code", communityCode).query(Location.class).optional();
    }

    /** The known locations among these communities (community code → location), in one query per 10,000 codes. */
    public Map<String, Location> of(Collection<String> communityCodes) {
        Map<String, Location> out = new HashMap<>();
        List<String> codes = communityCodes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        for (int from = 0; from < codes.size(); from += 10_000) {
            jdbc.sql("select community_code, lat, lon from catalog.community_location where community_code in (:codes)")
                    .param("codes", codes.subList(from, Math.min(codes.size(), from + 10_000)))
                    .query((rs, n) -> out.put(rs.getString(1), new Location(rs.getDouble(2), rs.getDouble(3)))).list();
        }
        return out;
    }
}
