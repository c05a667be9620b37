package org.xuewei.platform.catalog;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small catalog workbooks for tests: row 1 is a heading, data from row 2. */
final class Workbooks {

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

    static Workbooks create() {
        return new Workbooks();
    }

    Workbooks schools(Object[]... rows) {
        return sheet("学校", rows);
    }

    Workbooks zones(Object[]... rows) {
        return sheet("学区", rows);
    }

    Workbooks plans(Object[]... rows) {
        return sheet("招生计划", rows);
    }

    Workbooks sheet(String name, Object[]... rows) {
        List<List<Object>> list = sheets.computeIfAbsent(name, k -> new ArrayList<>());
        for (Object[] row : rows) {
            list.add(java.util.Arrays.asList(row));
        }
        return this;
    }

    /** This workbook's rows followed, sheet by sheet, by the other's. */
    Workbooks mergedWith(Workbooks other) {
        Workbooks merged = new Workbooks();
        sheets.forEach((name, rows) -> merged.sheets.put(name, new ArrayList<>(rows)));
        other.sheets.forEach((name, rows) -> merged.sheets.computeIfAbsent(name, k -> new ArrayList<>()).addAll(rows));
        return merged;
    }

    byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> {
                Sheet sheet = workbook.createSheet(name);
                sheet.createRow(0).createCell(0).setCellValue("heading");
                int r = 1;
                for (List<Object> cells : rows) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < cells.size(); i++) {
                        Object value = cells.get(i);
                        if (value instanceof Number n) {
                            row.createCell(i).setCellValue(n.doubleValue());
                        } else if (value != null) {
                            row.createCell(i).setCellValue(value.toString());
                        }
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }

    /** Every sheet's cells as the text Excel shows, for comparing two workbooks. */
    static Map<String, List<List<String>>> read(byte[] bytes) throws IOException {
        Map<String, List<List<String>>> result = new LinkedHashMap<>();
        org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getLastCellNum(); i++) {
                        cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
                    }
                    rows.add(cells);
                }
                result.put(sheet.getSheetName(), rows);
            }
        }
        return result;
    }

    /** Changes one cell of an existing workbook. */
    static byte[] withCell(byte[] bytes, String sheet, int excelRow, int column, Object value) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = workbook.getSheet(sheet).getRow(excelRow - 1);
            if (value instanceof Number n) {
                row.createCell(column).setCellValue(n.doubleValue());
            } else {
                row.createCell(column).setCellValue(String.valueOf(value));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
