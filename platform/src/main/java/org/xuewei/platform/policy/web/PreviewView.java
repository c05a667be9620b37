package org.xuewei.platform.policy.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xuewei.platform.policy.CategoryRule;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyPreview;
import org.xuewei.platform.policy.PolicyRef;

/**
 * A preview as the page shows it: one row per school, one column per category (then "none" and "ineligible"),
 * each cell the published count and the draft's, and the children the draft moves.
 *
 * @param synthetic true when the population is the synthetic one (模拟人群), not applicants
 */
public record PreviewView(boolean synthetic, int applicants, PolicyRef published, List<Column> columns,
                          List<Row> rows, Row total, int changedCount, List<PolicyPreview.Change> changed) {

    static final int CHANGES_SHOWN = 100;
    /** Label codes of {@link PolicyPreview} that are not categories. */
    static final String NONE = "-";
    static final String INELIGIBLE = "ineligible";

    /** A column: a category code with its name, or {@link #NONE} / {@link #INELIGIBLE} (name null). */
    public record Column(String code, String name) {
    }

    public record Row(String school, List<Cell> cells) {
    }

    public record Cell(int published, int draft) {
        public boolean changed() {
            return published != draft;
        }
    }

    static PreviewView of(PolicyPreview preview, Policy published, Policy draft, boolean synthetic) {
        Set<String> codes = new LinkedHashSet<>();
        List<Column> columns = new ArrayList<>();
        for (Policy p : List.of(draft, published)) {
            p.categories().stream().sorted(java.util.Comparator.comparingInt(CategoryRule::rank)).forEach(c -> {
                if (codes.add(c.code())) {
                    columns.add(new Column(c.code(), c.name()));
                }
            });
        }
        columns.add(new Column(NONE, null));
        columns.add(new Column(INELIGIBLE, null));
        List<Row> rows = new ArrayList<>();
        int[][] totals = new int[columns.size()][2];
        for (Map.Entry<String, Map<String, int[]>> school : preview.counts().entrySet()) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                int[] n = school.getValue().getOrDefault(columns.get(i).code(), new int[2]);
                cells.add(new Cell(n[0], n[1]));
                totals[i][0] += n[0];
                totals[i][1] += n[1];
            }
            rows.add(new Row(school.getKey(), cells));
        }
        List<Cell> totalCells = new ArrayList<>();
        for (int[] t : totals) {
            totalCells.add(new Cell(t[0], t[1]));
        }
        return new PreviewView(synthetic, preview.applicants(), preview.published(), columns, rows,
                new Row("", totalCells), preview.changed().size(),
                preview.changed().stream().limit(CHANGES_SHOWN).toList());
    }
}
