package org.xuewei.platform.catalog;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuewei.platform.catalog.importing.Labels;
import org.xuewei.platform.catalog.importing.WorkbookWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a district's (or the city's) schools, zones and plans of a season as the workbook that {@link CatalogImport} reads. */
@Service
public class CatalogExport {

    private final Schools schools;
    private final Zones zones;
    private final EnrollmentPlans plans;
    private final Districts districts;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    CatalogExport(Schools schools, Zones zones, EnrollmentPlans plans, Districts districts, JdbcClient jdbc,
            MessageSource messages) {
        this.schools = schools;
        this.zones = zones;
        this.plans = plans;
        this.districts = districts;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The workbook (.xlsx) of one district, or of the whole city when {@code districtCode} is null. */
    public byte[] workbook(String districtCode, int season, Locale locale) {
        Labels labels = new Labels(messages);
        List<String> codes = districtCode == null ? districts.all().stream().map(District::code).toList()
                : List.of(districtCode);
        Map<String, String> communityNames = new HashMap<>();
        jdbc.sql("select code, name from catalog.division where level = 'community'")
                .query((rs, n) -> communityNames.put(rs.getString(1), rs.getString(2))).list();
        Map<String, String> schoolNames = new HashMap<>();
        List<List<Object>> schoolRows = new ArrayList<>();
        List<List<Object>> zoneRows = new ArrayList<>();
        List<List<Object>> planRows = new ArrayList<>();
        for (String code : codes) {
            for (School s : schools.ofDistrict(code)) {
                schoolNames.put(s.code(), s.name());
                schoolRows.add(cells(s.code(), s.name(), s.districtCode(), labels.stage(s.stage(), locale),
                        labels.ownership(s.ownership(), locale), s.communityCode(), s.address(), s.lon(), s.lat()));
            }
            for (Zone z : zones.ofDistrict(code, season)) {
                for (String community : z.communityCodes()) {
                    zoneRows.add(cells(z.season(), labels.stage(z.stage(), locale), community,
                            communityNames.getOrDefault(community, ""), z.code(), String.join("、", z.schoolCodes())));
                }
            }
            for (EnrollmentPlan p : plans.ofDistrict(code, season)) {
                planRows.add(cells(p.schoolCode(), schoolNames.getOrDefault(p.schoolCode(), ""), p.season(), p.grade(),
                        p.classes(), p.classSize(), p.seats()));
            }
        }
        return new WorkbookWriter(messages).write(List.of(schoolRows, zoneRows, planRows), locale);
    }

    private static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value);
        }
        return cells;
    }
}
