package org.xuewei.platform.catalog.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects problems while reading cells; each reader returns {@code null} after noting what is wrong. */
final class Problems {

    private final List<RowProblem> list = new ArrayList<>();

    List<RowProblem> list() {
        return list;
    }

    int size() {
        return list.size();
    }

    void add(ImportRow row, String column, String code, Object... args) {
        List<String> texts = new ArrayList<>();
        for (Object arg : args) {
            texts.add(String.valueOf(arg));
        }
        list.add(new RowProblem(row.sheet(), row.number(), row.sheet().column(column), code, texts));
    }

    String required(ImportRow row, String column) {
        String value = row.cell(column);
        if (value.isEmpty()) {
            add(row, column, "required");
            return null;
        }
        return value;
    }

    String text(ImportRow row, String column, int max, boolean required) {
        String value = required ? required(row, column) : row.cell(column);
        if (value != null && value.length() > max) {
            add(row, column, "too-long", max);
            return null;
        }
        return value;
    }

    String code(ImportRow row, String column, String pattern, String problem) {
        String value = required(row, column);
        if (value != null && !value.matches(pattern)) {
            add(row, column, problem, value);
            return null;
        }
        return value;
    }

    /** A whole number; blank gives {@code null} (noted when required). */
    Integer integer(ImportRow row, String column, boolean required) {
        String value = required ? required(row, column) : row.cell(column);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            add(row, column, "not-a-whole-number", value);
            return null;
        }
    }

    Double decimal(ImportRow row, String column, int min, int max) {
        String value = row.cell(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (number < min || number > max) {
                add(row, column, "out-of-range", value, min, max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            add(row, column, "not-a-number", value);
            return null;
        }
    }
}
