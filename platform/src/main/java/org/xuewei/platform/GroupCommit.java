package org.xuewei.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit (组提交): callers hand in fully prepared writes and wait; one writer thread takes every write waiting
 * (up to a batch's size) and writes them together, all or nothing ({@code batch}: one transaction, one statement per
 * table), then answers each caller. A lone write is written at once; the next batch forms while one is being written,
 * so under load many writes share one transaction's round trips and commit.
 * <p>
 * When a batch fails, each of its writes is written again alone, so each caller gets exactly the outcome it would
 * have had on its own (e.g. the unique violation of a raced double tap goes to that caller only). A caller is answered
 * only after its write committed (or failed). A caller already in a transaction writes in it, on its own thread, as
 * before (its writes must commit or roll back with it).
 *
 * @param <T> one caller's prepared write
 * @param <R> what a caller gets back
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Waiting<T, R>(T item, CompletableFuture<R> answer) {
    }

    private final String name;
    private final int maxBatch;
    private final Function<List<T>, List<R>> batch;
    private final LinkedBlockingQueue<Waiting<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param batch writes the given writes all or nothing and answers each, in order
     */
    public GroupCommit(String name, int maxBatch, Function<List<T>, List<R>> batch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.batch = batch;
        this.writer = new Thread(this::run, "group-commit-" + name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Writes one caller's write (with others waiting at the same time) and returns once it committed. */
    public R write(T item) {
        if (closed || TransactionSynchronizationManager.isActualTransactionActive()) {
            return batch.apply(List.of(item)).get(0);
        }
        Waiting<T, R> waiting = new Waiting<>(item, new CompletableFuture<>());
        queue.add(waiting);
        if (closed && queue.remove(waiting)) {
            // closed while handing it in: nobody takes it any more
            return batch.apply(List.of(item)).get(0);
        }
        try {
            // uninterruptible: once handed in, the write may commit, so the caller waits for its outcome
            return waiting.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Writes these together on the calling thread, and each alone again if that fails; the answers in order,
     * completed (normally or with the write's failure).
     */
    public List<CompletableFuture<R>> writeTogether(List<T> items) {
        List<Waiting<T, R>> all = items.stream().map(i -> new Waiting<T, R>(i, new CompletableFuture<>())).toList();
        writeBatch(all);
        return all.stream().map(Waiting::answer).toList();
    }

    private void run() {
        List<Waiting<T, R>> taken = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Waiting<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, maxBatch - 1);
                writeBatch(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                log.error("group commit {}: writer failed", name, e);
                taken.forEach(w -> w.answer().completeExceptionally(e));
            } finally {
                taken.clear();
            }
        }
    }

    private void writeBatch(List<Waiting<T, R>> waiting) {
        if (waiting.size() > 1) {
            try {
                List<R> answers = batch.apply(waiting.stream().map(Waiting::item).toList());
                for (int i = 0; i < waiting.size(); i++) {
                    waiting.get(i).answer().complete(answers.get(i));
                }
                return;
            } catch (RuntimeException e) {
                log.debug("group commit {}: a batch of {} failed ({}), writing each alone", name, waiting.size(), e.toString());
            }
        }
        for (Waiting<T, R> w : waiting) {
            try {
                w.answer().complete(batch.apply(List.of(w.item())).get(0));
            } catch (Throwable e) {
                w.answer().completeExceptionally(e);
            }
        }
    }

    /** Writes what is waiting, then stops the writer; later writes are written on their callers' threads. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
