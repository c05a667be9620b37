package org.xuewei.platform.registry.exchange;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * At most {@code max} asynchronous calls at once; the others wait their turn, first come first served, without
 * holding a thread. When the exchange is busy, a look-up then waits here (where its call's time limit has not started)
 * instead of at the exchange (where it would run out its time limit and count against the registry's circuit).
 */
final class InFlightLimit {

    private final int max;
    private final Executor starter;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    /**
     * @param starter where a waiting call is started when a running one ends (not on the thread that ended it, so that
     *                a run of calls failing at once does not start each other recursively)
     */
    InFlightLimit(int max, Executor starter) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one call at a time: " + max);
        }
        this.max = max;
        this.starter = starter;
    }

    /** Starts the call now or when a running one ends; the result completes as the call does. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> started;
            try {
                started = call.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, error) -> {
                release();
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < max;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    /** The running call ended: the next waiting one takes its place. */
    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            try {
                starter.execute(next);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                next.run(); // the client is closing: start it here rather than leave its caller waiting
            }
        }
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
