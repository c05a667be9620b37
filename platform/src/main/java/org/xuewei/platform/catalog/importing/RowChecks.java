package org.xuewei.platform.catalog.importing;

import org.xuewei.platform.catalog.Editor;
import org.xuewei.platform.catalog.EnrollmentPlan;
import org.xuewei.platform.catalog.School;
import org.xuewei.platform.catalog.SchoolOwnership;
import org.xuewei.platform.catalog.SchoolStage;
import org.xuewei.platform.catalog.Zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks every row of an import against the city's divisions, the stored schools, the other rows and
 * what the editor may change; returns the changes, or every problem found (then nothing is written).
 */
public final class RowChecks {

    static final String SCHOOL_CODE = "[0-9A-Za-z_-]{1,20}";
    static final String ZONE_CODE = "[0-9A-Za-z_-]{1,32}";
    static final int MAX_CLASSES = 60;

    private final Labels labels;
    private final Reference reference;
    private final Editor editor;
    private final Problems problems = new Problems();
    /** Stored schools, overlaid with the schools sheet's good rows. */
    private final Map<String, School> schools;
    /** Every school code named in the schools sheet, good row or not (no "unknown school" for those). */
    private final Set<String> declared = new LinkedHashSet<>();

    public record Outcome(CatalogChanges changes, List<RowProblem> problems) {
    }

    private RowChecks(Labels labels, Reference reference, Editor editor) {
        this.labels = labels;
        this.reference = reference;
        this.editor = editor;
        this.schools = new HashMap<>(reference.schools());
    }

    public static Outcome check(List<ImportRow> rows, Editor editor, Reference reference, Labels labels) {
        return new RowChecks(labels, reference, editor).run(rows);
    }

    private Outcome run(List<ImportRow> rows) {
        List<School> newSchools = schools(of(rows, Sheet.SCHOOLS));
        ZoneOutcome zones = zones(of(rows, Sheet.ZONES));
        List<EnrollmentPlan> plans = plans(of(rows, Sheet.PLANS));
        return new Outcome(new CatalogChanges(newSchools, zones.zones, zones.scopes, plans), problems.list());
    }

    private static List<ImportRow> of(List<ImportRow> rows, Sheet sheet) {
        return rows.stream().filter(r -> r.sheet() == sheet && !r.blank()).toList();
    }

    private List<School> schools(List<ImportRow> rows) {
        Map<String, Integer> firstRow = new HashMap<>();
        List<School> result = new ArrayList<>();
        for (ImportRow row : rows) {
            int before = problems.size();
            String code = problems.code(row, "code", SCHOOL_CODE, "bad-school-code");
            if (code != null) {
                declared.add(code);
                Integer first = firstRow.putIfAbsent(code, row.number());
                if (first != null) {
                    problems.add(row, "code", "duplicate", first, code);
                }
                School stored = reference.schools().get(code);
                if (stored != null && !editor.mayEdit(stored.districtCode())) {
                    problems.add(row, "code", "school-not-editable", code, stored.districtCode());
                }
            }
            String name = problems.text(row, "name", 100, true);
            String district = district(row, "district", row.cell("district"));
            SchoolStage stage = stage(row, "stage");
            SchoolOwnership ownership = ownership(row);
            String community = community(row, "community", district, false);
            String address = problems.text(row, "address", 200, false);
            Double lon = problems.decimal(row, "lon", 73, 136);
            Double lat = problems.decimal(row, "lat", 3, 54);
            if (problems.size() == before) {
                School school = new School(code, name, district, stage, ownership, community, address, lon, lat);
                result.add(school);
                schools.put(code, school);
            }
        }
        return result;
    }

    private record ZoneKey(int season, String district, String code) {
    }

    private record ZoneShape(int row, SchoolStage stage, Set<String> schools) {
    }

    private record ZoneOutcome(List<Zone> zones, Set<CatalogChanges.ZoneScope> scopes) {
    }

    private ZoneOutcome zones(List<ImportRow> rows) {
        Map<String, Integer> firstRow = new HashMap<>();
        Map<ZoneKey, ZoneShape> shapes = new LinkedHashMap<>();
        Map<ZoneKey, List<String>> communities = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            int before = problems.size();
            Integer season = season(row, "season");
            SchoolStage stage = stage(row, "stage");
            String community = community(row, "community", null, true);
            String district = community == null ? null : reference.communities().get(community);
            String zone = problems.code(row, "zone", ZONE_CODE, "bad-zone-code");
            Set<String> zoneSchools = zoneSchools(row, stage, district);
            if (season != null && stage != null && community != null) {
                Integer first = firstRow.putIfAbsent(season + "/" + stage + "/" + community, row.number());
                if (first != null) {
                    problems.add(row, "community", "duplicate", first, community);
                }
            }
            if (season != null && district != null && zone != null && stage != null && zoneSchools != null) {
                ZoneKey key = new ZoneKey(season, district, zone);
                ZoneShape shape = shapes.putIfAbsent(key, new ZoneShape(row.number(), stage, zoneSchools));
                if (shape != null && (shape.stage() != stage || !shape.schools().equals(zoneSchools))) {
                    problems.add(row, "schools", "zone-inconsistent", zone, shape.row(),
                            String.join("、", shape.schools()));
                }
            }
            if (problems.size() == before) {
                communities.computeIfAbsent(new ZoneKey(season, district, zone), k -> new ArrayList<>()).add(community);
            }
        }
        List<Zone> zones = new ArrayList<>();
        Set<CatalogChanges.ZoneScope> scopes = new LinkedHashSet<>();
        communities.forEach((key, members) -> {
            ZoneShape shape = shapes.get(key);
            zones.add(new Zone(key.code(), key.district(), key.season(), shape.stage(), List.copyOf(shape.schools()),
                    members));
            scopes.add(new CatalogChanges.ZoneScope(key.season(), key.district(), shape.stage()));
        });
        return new ZoneOutcome(zones, scopes);
    }

    private Set<String> zoneSchools(ImportRow row, SchoolStage stage, String district) {
        String cell = problems.required(row, "schools");
        if (cell == null) {
            return null;
        }
        Set<String> codes = new TreeSet<>();
        boolean good = true;
        for (String code : cell.split("[、,，;；\\s]+")) {
            if (code.isEmpty()) {
                continue;
            }
            codes.add(code);
            School school = schools.get(code);
            if (school == null) {
                good = false;
                if (!declared.contains(code)) {
                    problems.add(row, "schools", "unknown-school", code);
                }
            } else if (stage != null && school.stage() != stage) {
                good = false;
                problems.add(row, "schools", "school-stage-mismatch", code, school.stage().name(),
                        stage.name());
            } else if (district != null && !school.districtCode().equals(district)) {
                good = false;
                problems.add(row, "schools", "zone-school-district", code, school.districtCode(), district);
            }
        }
        return good && !codes.isEmpty() ? codes : null;
    }

    private List<EnrollmentPlan> plans(List<ImportRow> rows) {
        Map<String, Integer> firstRow = new HashMap<>();
        List<EnrollmentPlan> result = new ArrayList<>();
        for (ImportRow row : rows) {
            int before = problems.size();
            String code = problems.required(row, "school");
            School school = null;
            if (code != null) {
                school = schools.get(code);
                if (school == null && !declared.contains(code)) {
                    problems.add(row, "school", "unknown-school", code);
                } else if (school != null && !editor.mayEdit(school.districtCode())) {
                    problems.add(row, "school", "district-not-editable", school.districtCode());
                }
            }
            Integer season = season(row, "season");
            Integer grade = problems.integer(row, "grade", true);
            SchoolStage stage = grade == null ? null : SchoolStage.ofEntryGrade(grade);
            if (grade != null && stage == null) {
                problems.add(row, "grade", "bad-grade", grade);
            } else if (stage != null && school != null && school.stage() != stage) {
                problems.add(row, "grade", "grade-stage-mismatch", code, school.stage().name(),
                        school.stage().entryGrade());
            }
            Integer classes = positive(row, "classes");
            if (classes != null && classes > MAX_CLASSES) {
                problems.add(row, "classes", "too-many-classes", classes, MAX_CLASSES);
            }
            Integer classSize = positive(row, "class-size");
            SchoolStage capStage = school != null ? school.stage() : stage;
            if (classSize != null && capStage != null && classSize > capStage.classSizeCap()) {
                problems.add(row, "class-size", "over-cap", classSize, capStage.classSizeCap(),
                        capStage.name());
            }
            Integer seats = row.cell("seats").isEmpty() ? null : positive(row, "seats");
            if (seats != null && classes != null && classSize != null && seats > classes * classSize) {
                problems.add(row, "seats", "seats-over-capacity", seats, classes, classSize, classes * classSize);
            }
            if (code != null && season != null && grade != null) {
                Integer first = firstRow.putIfAbsent(code + "/" + season + "/" + grade, row.number());
                if (first != null) {
                    problems.add(row, "school", "duplicate", first, code);
                }
            }
            if (problems.size() == before && school != null) {
                result.add(new EnrollmentPlan(code, season, grade, classes, classSize,
                        seats == null ? classes * classSize : seats));
            }
        }
        return result;
    }

    private Integer positive(ImportRow row, String column) {
        Integer value = problems.integer(row, column, true);
        if (value != null && value <= 0) {
            problems.add(row, column, "not-positive", value);
            return null;
        }
        return value;
    }

    private Integer season(ImportRow row, String column) {
        Integer season = problems.integer(row, column, true);
        if (season != null && (season < 2000 || season > 2100)) {
            problems.add(row, column, "bad-season", season);
            return null;
        }
        return season;
    }

    private SchoolStage stage(ImportRow row, String column) {
        String text = problems.required(row, column);
        if (text == null) {
            return null;
        }
        SchoolStage stage = labels.parseStage(text);
        if (stage == null) {
            problems.add(row, column, "bad-stage", text);
        }
        return stage;
    }

    private SchoolOwnership ownership(ImportRow row) {
        String text = problems.required(row, "ownership");
        if (text == null) {
            return null;
        }
        SchoolOwnership ownership = labels.parseOwnership(text);
        if (ownership == null) {
            problems.add(row, "ownership", "bad-ownership", text);
        }
        return ownership;
    }

    private String district(ImportRow row, String column, String text) {
        if (problems.required(row, column) == null) {
            return null;
        }
        if (!reference.districts().contains(text)) {
            problems.add(row, column, "unknown-district", text);
            return null;
        }
        if (!editor.mayEdit(text)) {
            problems.add(row, column, "district-not-editable", text);
            return null;
        }
        return text;
    }

    /** A community of the city; in {@code district} when given; editable when {@code checkEditor}. */
    private String community(ImportRow row, String column, String district, boolean checkEditor) {
        String code = problems.required(row, column);
        if (code == null) {
            return null;
        }
        String own = reference.communities().get(code);
        if (own == null) {
            problems.add(row, column, "unknown-community", code);
            return null;
        }
        if (district != null && !own.equals(district)) {
            problems.add(row, column, "community-other-district", code, own, district);
            return null;
        }
        if (checkEditor && !editor.mayEdit(own)) {
            problems.add(row, column, "district-not-editable", own);
            return null;
        }
        return code;
    }
}
