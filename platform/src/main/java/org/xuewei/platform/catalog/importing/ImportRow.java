package org.xuewei.platform.catalog.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * One row to import, as text cells in the sheet's column order, whatever it came from (an Excel row,
 * or a record of catalog.json converted to the same cells).
 *
 * @param sheet  which sheet the row belongs to
 * @param number the row number shown to the user (Excel: header = 1; JSON: the record's position)
 * @param cells  the cells' text, trimmed, empty for a blank cell
 */
public record ImportRow(Sheet sheet, int number, List<String> cells) {

    public ImportRow {
        List<String> padded = new ArrayList<>(sheet.columns().size());
        for (int i = 0; i < sheet.columns().size(); i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
            padded.add(cell);
        }
        cells = List.copyOf(padded);
    }

    public String cell(String column) {
        return cells.get(sheet.column(column));
    }

    public boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
