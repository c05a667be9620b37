package org.xuewei.platform.catalog;

import java.util.List;

/**
 * The answer to an import: either everything was written, or nothing was and every problem is listed.
 *
 * @param written  true when the import was applied
 * @param problems every bad row (empty when written)
 * @param schools  schools written (or that would have been)
 * @param zones    zones written
 * @param plans    enrollment plans written
 */
public record ImportResult(boolean written, List<ImportProblem> problems, int schools, int zones, int plans) {

    public ImportResult {
        problems = List.copyOf(problems);
    }
}
