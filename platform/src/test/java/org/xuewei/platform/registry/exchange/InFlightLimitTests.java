package org.xuewei.platform.registry.exchange;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's side of the exchange bulkhead: never more calls at once than allowed, every call ends. */
class InFlightLimitTests {

    @Test
    void never_more_than_the_limit_at_once_and_each_waiting_call_runs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            InFlightLimit limit = new InFlightLimit(3, pool);
            AtomicInteger now = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(limit.submit(() -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    return CompletableFuture.supplyAsync(() -> {
                        sleep(5);
                        now.decrementAndGet();
                        return n;
                    }, pool);
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i);
            }
            assertThat(most.get()).isEqualTo(3);
            assertThat(limit.running()).isZero();
            assertThat(limit.waiting()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thousands_of_calls_failing_at_once_all_end_without_starting_each_other_recursively() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            InFlightLimit limit = new InFlightLimit(1, pool);
            CompletableFuture<Void> gate = new CompletableFuture<>();
            List<CompletableFuture<Void>> results = new ArrayList<>();
            results.add(limit.submit(() -> gate));
            for (int i = 0; i < 20_000; i++) {
                results.add(limit.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("exchange down"))));
            }
            assertThat(limit.waiting()).isEqualTo(20_000);
            gate.complete(null);
            CompletableFuture.allOf(results.subList(1, results.size()).toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null).get();
            assertThat(results.subList(1, results.size())).allSatisfy(r -> assertThat(r).isCompletedExceptionally());
            assertThat(limit.running()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
