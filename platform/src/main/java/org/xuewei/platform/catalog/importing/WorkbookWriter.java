package org.xuewei.platform.catalog.importing;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes the catalog workbook: one sheet per {@link Sheet}, headings in the user's language, one row
 * per cell list; cells holding a number are written as numbers.
 */
public final class WorkbookWriter {

    private final MessageSource messages;

    public WorkbookWriter(MessageSource messages) {
        this.messages = messages;
    }

    /** Rows per sheet in {@link Sheet} order; each row's cells are Strings or Numbers. */
    public byte[] write(List<List<List<Object>>> sheets, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            for (Sheet sheet : Sheet.values()) {
                var target = workbook.createSheet(messages.getMessage(sheet.messageKey(), null, locale));
                Row header = target.createRow(0);
                for (int i = 0; i < sheet.columns().size(); i++) {
                    var cell = header.createCell(i);
                    cell.setCellValue(messages.getMessage(sheet.columnMessageKey(i), null, locale));
                    cell.setCellStyle(heading);
                    target.setColumnWidth(i, 14 * 256);
                }
                target.createFreezePane(0, 1);
                int r = 1;
                for (List<Object> cells : sheets.get(sheet.ordinal())) {
                    Row row = target.createRow(r++);
                    for (int i = 0; i < cells.size(); i++) {
                        Object value = cells.get(i);
                        if (value instanceof Number number) {
                            row.createCell(i).setCellValue(number.doubleValue());
                        } else if (value != null && !value.toString().isEmpty()) {
                            row.createCell(i).setCellValue(value.toString());
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the catalog workbook", e);
        }
    }
}
