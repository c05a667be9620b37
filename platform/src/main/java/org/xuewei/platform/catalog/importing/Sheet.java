package org.xuewei.platform.catalog.importing;

import java.util.List;

/**
 * The three sheets of the catalog workbook and their columns, in order. Column headings and sheet
 * names are messages ({@code catalog.sheet.<name>}, {@code catalog.column.<name>.<column>}); a column
 * marked informative is written on export and ignored on import.
 */
public enum Sheet {

    SCHOOLS("schools", List.of("code", "name", "district", "stage", "ownership", "community", "address", "lon", "lat")),
    ZONES("zones", List.of("season", "stage", "community", "community-name", "zone", "schools")),
    PLANS("plans", List.of("school", "school-name", "season", "grade", "classes", "class-size", "seats"));

    private final String key;
    private final List<String> columns;

    Sheet(String key, List<String> columns) {
        this.key = key;
        this.columns = columns;
    }

    public String key() {
        return key;
    }

    public List<String> columns() {
        return columns;
    }

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(this + " has no column " + name);
        }
        return index;
    }

    public String messageKey() {
        return "catalog.sheet." + key;
    }

    public String columnMessageKey(int index) {
        return "catalog.column." + key + "." + columns.get(index);
    }

    /** A, B, …, Z, AA, … */
    public static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rest = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rest));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }
}
