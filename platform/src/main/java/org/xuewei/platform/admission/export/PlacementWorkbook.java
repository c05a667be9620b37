package org.xuewei.platform.admission.export;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.admission.allocation.SchoolStats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 名单导出 — a workbook with a district summary sheet and one sheet per school: masked application numbers,
 * category, route, choice, lottery position, 统筹 distance, arrival state. Headings come from the caller (localized).
 */
public final class PlacementWorkbook {

    private PlacementWorkbook() {
    }

    /** {@code A1234567} → {@code A1****67}: enough to find one's own line, not to read others'. */
    public static String mask(String applicationNo) {
        int n = applicationNo.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        return applicationNo.substring(0, 2) + "*".repeat(n - 4) + applicationNo.substring(n - 2);
    }

    public static byte[] write(List<SchoolStats> schools, List<Placement> placements, Map<String, String> offers,
                               Function<String, String> text) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet summary = wb.createSheet(safe(text.apply("admission.export.summary")));
            row(summary, 0, text.apply("admission.school"), text.apply("admission.school.seats"),
                    text.apply("admission.school.filled"), text.apply("admission.school.preferential"),
                    text.apply("admission.school.choice"), text.apply("admission.school.overflow"),
                    text.apply("admission.school.cutoff"));
            int r = 1;
            for (SchoolStats s : schools) {
                row(summary, r++, s.code() + " " + s.name(), s.seats(), s.filled(), s.preferential(), s.byChoice(),
                        s.overflow(), s.cutoffCategory() == null ? "" : s.cutoffCategory());
            }
            for (SchoolStats s : schools) {
                Sheet sheet = wb.createSheet(safe(s.code()));
                row(sheet, 0, text.apply("admission.placement.no"), text.apply("admission.placement.route"),
                        text.apply("admission.placement.category"), text.apply("admission.placement.choice"),
                        text.apply("admission.placement.lottery"), text.apply("admission.placement.distance"),
                        text.apply("admission.placement.offer"));
                int i = 1;
                for (Placement p : placements) {
                    if (s.code().equals(p.schoolCode())) {
                        String offer = offers.get(p.applicationNo());
                        row(sheet, i++, mask(p.applicationNo()), text.apply("admission.route." + p.route()),
                                p.category(), p.choice() == null ? "" : p.choice(),
                                p.lotteryPosition() == null ? "" : p.lotteryPosition() + "/" + p.lotteryTied(),
                                p.distanceMeters() == null ? "" : p.distanceMeters(),
                                offer == null ? "" : text.apply("admission.offer." + offer));
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String name) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(String.valueOf(v));
            }
        }
    }
}
