package org.xuewei.platform.catalog.importing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.context.MessageSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the catalog workbook (.xlsx) into import rows. Sheets are found by name in Chinese or English
 * (学校 / Schools, 学区 / Zones, 招生计划 / Plans); row 1 is the heading; cells are read as the text Excel
 * shows, so a number typed as text and a number cell read the same.
 */
public final class WorkbookReader {

    static final int MAX_ROWS = 50_000;

    /** The rows, or the problems that stopped the reading. */
    public record Read(List<ImportRow> rows, List<RowProblem> problems) {
    }

    private final MessageSource messages;

    public WorkbookReader(MessageSource messages) {
        this.messages = messages;
    }

    public Read read(InputStream in) {
        List<ImportRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(in)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            boolean any = false;
            for (Sheet sheet : Sheet.values()) {
                org.apache.poi.ss.usermodel.Sheet found = find(workbook, sheet);
                if (found == null) {
                    continue;
                }
                any = true;
                if (found.getLastRowNum() > MAX_ROWS) {
                    problems.add(new RowProblem(sheet, 0, -1, "too-many-rows", List.of(String.valueOf(MAX_ROWS))));
                    continue;
                }
                for (Row row : found) {
                    if (row.getRowNum() == 0) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < sheet.columns().size(); i++) {
                        Cell cell = row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator));
                    }
                    rows.add(new ImportRow(sheet, row.getRowNum() + 1, cells));
                }
            }
            if (!any) {
                problems.add(RowProblem.file("no-sheets"));
            }
        } catch (IOException | RuntimeException e) {
            // not a workbook, a damaged or encrypted one, or one that trips POI's zip-bomb guard
            return new Read(List.of(), List.of(RowProblem.file("unreadable-workbook")));
        }
        return new Read(rows, problems);
    }

    private org.apache.poi.ss.usermodel.Sheet find(Workbook workbook, Sheet sheet) {
        for (Locale language : Labels.LANGUAGES) {
            String name = messages.getMessage(sheet.messageKey(), null, sheet.key(), language);
            org.apache.poi.ss.usermodel.Sheet found = workbook.getSheet(name);
            if (found != null) {
                return found;
            }
        }
        return workbook.getSheet(sheet.key());
    }
}
