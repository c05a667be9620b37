package org.xuewei.platform.catalog;

import java.util.List;

/**
 * One thing wrong in an imported workbook or catalog file, where it is and what to fix.
 *
 * @param sheet      the sheet's name as shown to the user (学校, 学区, 招生计划), or empty for the whole file
 * @param row        the row number as Excel shows it (the header is row 1), or 0 for the whole sheet or file
 * @param column     the column letter (A, B, …), or empty
 * @param columnName the column's heading, or empty
 * @param code       a stable code of the kind of problem, e.g. {@code unknown-school}
 * @param message    what is wrong and what to fix, in the requested language
 * @param arguments  the values the message names
 */
public record ImportProblem(String sheet, int row, String column, String columnName, String code, String message,
                            List<String> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    /** "学校!C5" style location, or the sheet alone, or empty. */
    public String location() {
        if (sheet.isEmpty()) {
            return "";
        }
        return row == 0 ? sheet : sheet + "!" + column + row;
    }
}
