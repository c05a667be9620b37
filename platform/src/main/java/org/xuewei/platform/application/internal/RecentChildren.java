package org.xuewei.platform.application.internal;

import org.xuewei.platform.application.internal.ApplicationStore.ChildRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Children as read for their guardian a moment ago (the listing, a check), so the submission that follows does not
 * read the row again (per instance, bounded, for {@code keepFor}). Keyed by the child's id <em>and</em> the guardian
 * hash the row was read for: a child row never changes guardian and is never deleted, so an entry only ever answers
 * the guardian the database answered — another family's parent asking for the same id misses and reads the database
 * (not found). What may change in a row (the name, where the child was found) is rewritten only by the listing, which
 * replaces the entries it read.
 */
public final class RecentChildren {

    private record Recent(Instant at, ChildRow row) {
    }

    static final int MAX = 10_000;

    private final Map<String, Recent> recent = NewestEntries.atMost(MAX);
    private final Duration keepFor;
    private final Clock clock;

    public RecentChildren(Duration keepFor, Clock clock) {
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /** The row read for this guardian within {@code keepFor}, if any. */
    public Optional<ChildRow> get(UUID id, String guardianHash) {
        Recent r = recent.get(key(id, guardianHash));
        return r != null && r.at().isAfter(clock.instant().minus(keepFor)) ? Optional.of(r.row()) : Optional.empty();
    }

    /** Rows just read from the database for their guardian. */
    public void remember(Collection<ChildRow> rows) {
        if (keepFor.isZero() || rows.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (ChildRow row : rows) {
            recent.put(key(row.id(), row.guardianHash()), new Recent(now, row));
        }
    }

    private static String key(UUID id, String guardianHash) {
        return id + ":" + guardianHash;
    }
}
