package org.xuewei.platform.catalog;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.catalog.importing.CatalogChanges;
import org.xuewei.platform.catalog.importing.CatalogJsonReader;
import org.xuewei.platform.catalog.importing.CatalogWriter;
import org.xuewei.platform.catalog.importing.ImportRow;
import org.xuewei.platform.catalog.importing.Labels;
import org.xuewei.platform.catalog.importing.Reference;
import org.xuewei.platform.catalog.importing.RowChecks;
import org.xuewei.platform.catalog.importing.RowProblem;
import org.xuewei.platform.catalog.importing.Sheet;
import org.xuewei.platform.catalog.importing.WorkbookReader;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way schools, zones (学区划片) and enrollment plans (招生计划) get into the catalog: an Excel
 * workbook from a district or the city, the synthetic city's catalog.json, or one plan edited in the
 * console — all become the same rows and pass the same checks. Any problem ⇒ nothing is written and
 * every problem is returned with its sheet, row and column; otherwise everything is written in one
 * transaction together with its audit event.
 */
@Service
public class CatalogImport {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CatalogWriter writer;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Labels labels;

    CatalogImport(JdbcClient jdbc, TransactionTemplate transactions, CatalogWriter writer, AuditLog audit,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writer = writer;
        this.audit = audit;
        this.messages = messages;
        this.labels = new Labels(messages);
    }

    /** Imports an .xlsx workbook (sheets 学校, 学区, 招生计划; any may be left out). */
    public ImportResult importWorkbook(InputStream workbook, Editor editor, Locale locale) {
        WorkbookReader.Read read = new WorkbookReader(messages).read(workbook);
        return apply(read, editor, locale, "catalog.workbook.imported");
    }

    /** Imports the synthetic city's {@code xuewei-catalog/1} export (docs/exchange.md). */
    public ImportResult importCatalogJson(InputStream json, Editor editor, Locale locale) {
        CatalogJsonReader.Parsed parsed = new CatalogJsonReader().parse(json);
        return apply(parsed.read(), parsed.communities(), editor, locale, "catalog.json.imported");
    }

    /** Changes one plan (a one-row import of the plans sheet); {@code seats} null = classes × class size. */
    public ImportResult changePlan(String schoolCode, int season, int grade, int classes, int classSize, Integer seats,
            Editor editor, Locale locale) {
        ImportRow row = new ImportRow(Sheet.PLANS, 2, List.of(schoolCode, "", String.valueOf(season),
                String.valueOf(grade), String.valueOf(classes), String.valueOf(classSize),
                seats == null ? "" : String.valueOf(seats)));
        return apply(new WorkbookReader.Read(List.of(row), List.of()), editor, locale, "catalog.plan.changed");
    }

    /** True when no school, zone or plan is stored (the demo import runs only then). */
    public boolean catalogEmpty() {
        return jdbc.sql("select not exists (select 1 from catalog.school)").query(Boolean.class).single();
    }

    private ImportResult apply(WorkbookReader.Read read, Editor editor, Locale locale, String action) {
        return apply(read, List.of(), editor, locale, action);
    }

    /**
     * Communities' locations of a catalog.json: each must be a community of the city with both coordinates in the
     * WGS-84 ranges (a city editor's file), else a problem naming it; code → {lat, lon}.
     */
    private static Map<String, double[]> locations(List<CatalogJsonReader.CommunityPoint> points, Reference reference,
                                                   List<RowProblem> problems) {
        Map<String, double[]> out = new TreeMap<>();
        for (CatalogJsonReader.CommunityPoint p : points) {
            String code = p.code() == null ? "" : p.code().strip();
            if (!reference.communities().containsKey(code)) {
                problems.add(RowProblem.file("unknown-community-location", code));
            } else if (p.lat() == null || p.lon() == null || !(Math.abs(p.lat()) <= 90) || !(Math.abs(p.lon()) <= 180)) {
                problems.add(RowProblem.file("bad-community-location", code, String.valueOf(p.lon()),
                        String.valueOf(p.lat())));
            } else {
                out.put(code, new double[] {p.lat(), p.lon()});
            }
        }
        return out;
    }

    private ImportResult apply(WorkbookReader.Read read, List<CatalogJsonReader.CommunityPoint> points, Editor editor,
                               Locale locale, String action) {
        if (!read.problems().isEmpty()) {
            return new ImportResult(false, words(read.problems(), locale), 0, 0, 0);
        }
        return transactions.execute(status -> {
            // one import at a time, so two imports cannot both pass their checks against the same state
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('catalog.import'))) as locked")
                    .query(Integer.class).single();
            Reference reference = writer.reference();
            RowChecks.Outcome outcome = RowChecks.check(read.rows(), editor, reference, labels);
            CatalogChanges changes = outcome.changes();
            List<RowProblem> problems = new ArrayList<>(outcome.problems());
            // communities are the city's: a district's file cannot move them
            Map<String, double[]> located = points.isEmpty() || !editor.wholeCity() ? Map.of()
                    : locations(points, reference, problems);
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
                return new ImportResult(false, words(problems, locale), changes.schools().size(),
                        changes.zones().size(), changes.plans().size());
            }
            String before = action.equals("catalog.plan.changed") ? planBefore(changes) : "";
            writer.write(changes);
            writer.writeLocations(located);
            audit.record(new AuditEntry(editor.actor(), action, subject(editor),
                    editor.clientIp(), before + "schools=" + changes.schools().size() + " zones=" + changes.zones().size()
                    + " communities=" + changes.zones().stream().mapToInt(z -> z.communityCodes().size()).sum()
                    + " plans=" + changes.plans().size() + (located.isEmpty() ? "" : " community locations="
                    + located.size()) + planAfter(action, changes)));
            return new ImportResult(true, List.of(), changes.schools().size(), changes.zones().size(),
                    changes.plans().size());
        });
    }

    private String planBefore(CatalogChanges changes) {
        if (changes.plans().size() != 1) {
            return "";
        }
        EnrollmentPlan plan = changes.plans().get(0);
        return jdbc.sql("""
                        select classes || 'x' || class_size || '=' || seats from catalog.enrollment_plan
                        where school_code = :school and season = :season and grade = :grade""")
                .param("school", plan.schoolCode()).param("season", plan.season()).param("grade", plan.grade())
                .query(String.class).optional()
                .map(old -> plan.schoolCode() + " " + plan.season() + " G" + plan.grade() + " from " + old + " ")
                .orElse(plan.schoolCode() + " " + plan.season() + " G" + plan.grade() + " new ");
    }

    private static String planAfter(String action, CatalogChanges changes) {
        if (!action.equals("catalog.plan.changed") || changes.plans().size() != 1) {
            return "";
        }
        EnrollmentPlan plan = changes.plans().get(0);
        return " to " + plan.classes() + "x" + plan.classSize() + "=" + plan.seats();
    }

    private static String subject(Editor editor) {
        return editor.wholeCity() ? "city" : "district " + String.join(",", editor.districts());
    }

    private List<ImportProblem> words(List<RowProblem> problems, Locale locale) {
        List<ImportProblem> result = new ArrayList<>();
        for (RowProblem p : problems) {
            Object[] args = p.args().stream().map(a -> label(a, locale)).toArray();
            String message = messages.getMessage("catalog.problem." + p.code(), args, p.code(), locale);
            String sheet = p.sheet() == null ? "" : messages.getMessage(p.sheet().messageKey(), null, locale);
            String column = p.column() < 0 ? "" : Sheet.letter(p.column());
            String columnName = p.column() < 0 ? "" : messages.getMessage(p.sheet().columnMessageKey(p.column()), null,
                    locale);
            result.add(new ImportProblem(sheet, p.row(), column, columnName, p.code(), message, p.args()));
        }
        return result;
    }

    /** Stage and ownership codes in messages are shown as words. */
    private String label(String arg, Locale locale) {
        for (SchoolStage stage : SchoolStage.values()) {
            if (stage.name().equals(arg)) {
                return labels.stage(stage, locale);
            }
        }
        return arg;
    }
}
