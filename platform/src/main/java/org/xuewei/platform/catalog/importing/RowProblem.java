package org.xuewei.platform.catalog.importing;

import java.util.List;

/**
 * A problem found by the checks, before it is put into words.
 *
 * @param sheet  the sheet, or {@code null} for the whole file
 * @param row    the row number, or 0
 * @param column the column's index, or -1
 * @param code   the kind; its message is {@code catalog.problem.<code>}
 * @param args   the message's arguments
 */
public record RowProblem(Sheet sheet, int row, int column, String code, List<String> args) {

    public RowProblem {
        args = List.copyOf(args);
    }

    public static RowProblem file(String code, String... args) {
        return new RowProblem(null, 0, -1, code, List.of(args));
    }
}
