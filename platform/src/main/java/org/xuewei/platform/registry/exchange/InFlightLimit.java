package org.xuewei.platform.registry.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code max} requests at the exchange at once, and group commit for the batches that wait: a batch asked for
 * while a slot is free is sent at once, alone (no added latency when idle); the others wait, first come first served,
 * without holding a thread, and when a request ends, as many waiting batches as fit in {@code maxItems} go out
 * together as <em>one</em> request. Each caller then gets the request's result with the place of its own items in it.
 * When the exchange is busy, a look-up waits here (where its call's time limit has not started) instead of at the
 * exchange, and fewer, bigger requests save the exchange its per-request work.
 *
 * @param <T> one item of a request
 * @param <R> a request's result
 */
final class InFlightLimit<T, R> {

    /** Sends the items as one request that must be answered by {@code deadline} ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface Sender<T, R> {
        CompletableFuture<R> send(List<T> items, long deadline);
    }

    /**
     * A caller's share of a request: its result, where the caller's items start in it (they follow in the caller's
     * order) and when it was sent ({@link System#nanoTime()}).
     */
    record Part<R>(R result, int offset, long sentAt) {
    }

    private record Waiting<T, R>(List<T> items, long deadline, CompletableFuture<Part<R>> result) {
    }

    private final int max;
    private final int maxItems;
    private final Executor starter;
    private final Sender<T, R> sender;
    private final ArrayDeque<Waiting<T, R>> waiting = new ArrayDeque<>();
    private int running;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong itemsSent = new AtomicLong();
    private final AtomicLong batchesSent = new AtomicLong();

    /**
     * @param max      requests at once
     * @param maxItems items a request may carry
     * @param starter  where a merged request is started when a running one failed or ended at once (not on the
     *                 thread that ended it, so that a run of requests failing at once does not start each other
     *                 recursively); after a request answered later, the thread that took its answer starts the next
     *                 (one thread wake-up less per request)
     */
    InFlightLimit(int max, int maxItems, Executor starter, Sender<T, R> sender) {
        if (max < 1 || maxItems < 1) {
            throw new IllegalArgumentException("at least one request of one item at a time: " + max + ", " + maxItems);
        }
        this.max = max;
        this.maxItems = maxItems;
        this.starter = starter;
        this.sender = sender;
    }

    /**
     * Sends the items now or, merged with other waiting batches, when a running request ends. The part completes with
     * the request's result; exceptionally with the request's failure, or with {@link ExchangeClient.NotSent} if the
     * deadline passed before it could be sent.
     */
    CompletableFuture<Part<R>> submit(List<T> items, long deadline) {
        if (items.isEmpty() || items.size() > maxItems) {
            throw new IllegalArgumentException("1 to " + maxItems + " items a batch: " + items.size());
        }
        Waiting<T, R> w = new Waiting<>(List.copyOf(items), deadline, new CompletableFuture<>());
        boolean now;
        synchronized (this) {
            now = running < max;
            if (now) {
                running++;
            } else {
                waiting.add(w);
            }
        }
        if (now) {
            start(List.of(w));
        }
        return w.result();
    }

    /** One request for the group (which holds a slot); its deadline is the earliest of its callers'. */
    private void start(List<Waiting<T, R>> group) {
        long now = System.nanoTime();
        List<Waiting<T, R>> sent = new ArrayList<>(group.size());
        for (Waiting<T, R> w : group) {
            if (w.deadline() - now <= 0) {
                w.result().completeExceptionally(new ExchangeClient.NotSent());
            } else {
                sent.add(w);
            }
        }
        if (sent.isEmpty()) {
            release(false);
            return;
        }
        long deadline = sent.get(0).deadline();
        List<T> items = new ArrayList<>(maxItems);
        int[] offsets = new int[sent.size()];
        for (int k = 0; k < sent.size(); k++) {
            Waiting<T, R> w = sent.get(k);
            deadline = w.deadline() - deadline < 0 ? w.deadline() : deadline;
            offsets[k] = items.size();
            items.addAll(w.items());
        }
        requests.incrementAndGet();
        batchesSent.addAndGet(sent.size());
        itemsSent.addAndGet(items.size());
        CompletableFuture<R> call;
        try {
            call = sender.send(items, deadline);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        boolean later = !call.isDone();
        call.whenComplete((result, error) -> {
            release(later && error == null);
            for (int k = 0; k < sent.size(); k++) {
                if (error != null) {
                    sent.get(k).result().completeExceptionally(error);
                } else {
                    sent.get(k).result().complete(new Part<>(result, offsets[k], now));
                }
            }
        });
    }

    /**
     * A request ended: the waiting batches that fit in one request (in their order) take its place, started here
     * when {@code here} (a request that answered later, on the thread that took the answer), else by the starter.
     */
    private void release(boolean here) {
        List<Waiting<T, R>> next = new ArrayList<>();
        List<Waiting<T, R>> late = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            int items = 0;
            while (!waiting.isEmpty()) {
                Waiting<T, R> w = waiting.peek();
                if (w.deadline() - now <= 0) {
                    late.add(waiting.poll());
                } else if (items + w.items().size() <= maxItems) {
                    next.add(waiting.poll());
                    items += w.items().size();
                } else {
                    break;
                }
            }
            if (next.isEmpty()) {
                running--;
            }
        }
        late.forEach(w -> w.result().completeExceptionally(new ExchangeClient.NotSent()));
        if (next.isEmpty()) {
            return;
        }
        if (here) {
            start(next);
            return;
        }
        try {
            starter.execute(() -> start(next));
        } catch (RejectedExecutionException closing) {
            // the client is closing: answer every waiting batch here rather than leave its caller waiting
            synchronized (this) {
                next.addAll(waiting);
                waiting.clear();
                running--;
            }
            next.forEach(w -> w.result().completeExceptionally(new ExchangeClient.NotSent()));
        }
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** Requests sent so far. */
    long requests() {
        return requests.get();
    }

    /** Callers' batches sent so far (a merged request counts each of its callers). */
    long batches() {
        return batchesSent.get();
    }

    /** Items sent so far. */
    long items() {
        return itemsSent.get();
    }
}
