package org.xuewei.platform.catalog.importing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the synthetic city's catalog export ({@code xuewei-catalog/1}, see docs/exchange.md) and
 * turns its records into the same rows as the workbook's, so both go through the same checks: each
 * school is a row of the schools sheet, each community of a zone a row of the zones sheet, each plan
 * a row of the plans sheet. The row number is the record's position in its list (from 1).
 */
public final class CatalogJsonReader {

    public static final String FORMAT = "xuewei-catalog/1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogFile(String format, Integer season, List<CommunityRecord> communities, List<SchoolRecord> schools,
                       List<ZoneRecord> zones, List<PlanRecord> plans) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommunityRecord(String code, Double lon, Double lat) {
    }

    /** A community's WGS-84 point as the file gives it (unchecked: either coordinate may be missing). */
    public record CommunityPoint(String code, Double lon, Double lat) {
    }

    /** The rows of the file, and its communities' locations (checked by the import). */
    public record Parsed(WorkbookReader.Read read, List<CommunityPoint> communities) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchoolRecord(String code, String name, String districtCode, String stage, String ownership,
                        String communityCode, String address, Double lon, Double lat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ZoneRecord(String code, String districtCode, String stage, List<String> schoolCodes,
                      List<String> communityCodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanRecord(String schoolCode, Integer season, Integer grade, Integer classes, Integer classSize,
                      Integer seats) {
    }

    public WorkbookReader.Read read(InputStream in) {
        return parse(in).read();
    }

    /** The rows (as {@link #read}) and the communities' locations. */
    public Parsed parse(InputStream in) {
        CatalogFile file;
        try {
            file = JSON.readValue(in, CatalogFile.class);
        } catch (JacksonException e) {
            return new Parsed(new WorkbookReader.Read(List.of(), List.of(RowProblem.file("unreadable-json"))), List.of());
        }
        if (file == null || !FORMAT.equals(file.format())) {
            return new Parsed(new WorkbookReader.Read(List.of(),
                    List.of(RowProblem.file("bad-format", file == null ? "" : text(file.format()), FORMAT))), List.of());
        }
        return new Parsed(rows(file), list(file.communities()).stream()
                .map(c -> new CommunityPoint(c.code(), c.lon(), c.lat())).toList());
    }

    private WorkbookReader.Read rows(CatalogFile file) {
        List<ImportRow> rows = new ArrayList<>();
        int n = 0;
        for (SchoolRecord s : list(file.schools())) {
            rows.add(new ImportRow(Sheet.SCHOOLS, ++n, cells(s.code(), s.name(), s.districtCode(), s.stage(),
                    s.ownership(), s.communityCode(), s.address(), s.lon(), s.lat())));
        }
        n = 0;
        for (ZoneRecord z : list(file.zones())) {
            String schools = String.join("、", list(z.schoolCodes()));
            n++;
            for (String community : list(z.communityCodes())) {
                rows.add(new ImportRow(Sheet.ZONES, n, cells(file.season(), z.stage(), community, "", z.code(),
                        schools)));
            }
        }
        n = 0;
        for (PlanRecord p : list(file.plans())) {
            rows.add(new ImportRow(Sheet.PLANS, ++n, cells(p.schoolCode(), "", p.season(), p.grade(), p.classes(),
                    p.classSize(), p.seats())));
        }
        return new WorkbookReader.Read(rows, List.of());
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(text(value));
        }
        return cells;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        return value.toString();
    }
}
