package org.xuewei.platform.application;

import java.util.List;

/**
 * Many applications moved at once (module event), e.g. every child of a district's published results: one event for
 * all of them instead of one {@link ApplicationStatusChanged} each, so a listener does its per-application work in
 * bulk. Published in the transaction of the moves, like {@link ApplicationStatusChanged}; a listener that writes in
 * the same transaction (the notification outbox) commits or rolls back with them.
 */
public record ApplicationStatusesChanged(List<ApplicationStatusChanged> changes) {
    public ApplicationStatusesChanged {
        changes = List.copyOf(changes);
    }
}
