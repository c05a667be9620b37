package org.xuewei.platform.registry.exchange;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's side of the exchange bulkhead and group commit: never more requests at once than allowed, every
 * batch ends, waiting batches go out merged and each caller finds its own items in the merged result.
 */
class InFlightLimitTests {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static long in(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void never_more_than_the_limit_at_once_and_each_waiting_batch_is_answered_with_its_own_items() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        InFlightLimit<Integer, List<Integer>> limit = new InFlightLimit<>(3, 50, pool, (items, deadline) -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> {
                sleep(5);
                now.decrementAndGet();
                return items.stream().map(i -> -i).toList(); // the answer of item i is -i
            }, pool);
        });
        List<CompletableFuture<InFlightLimit.Part<List<Integer>>>> results = new ArrayList<>();
        List<List<Integer>> asked = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<Integer> items = IntStream.range(0, 1 + i % 7).map(k -> 1000 * asked.size() + k).boxed().toList();
            asked.add(items);
            results.add(limit.submit(items, in(10)));
        }
        for (int i = 0; i < results.size(); i++) {
            InFlightLimit.Part<List<Integer>> part = results.get(i).get();
            assertThat(part.result().subList(part.offset(), part.offset() + asked.get(i).size()))
                    .isEqualTo(asked.get(i).stream().map(n -> -n).toList());
        }
        assertThat(most.get()).isEqualTo(3);
        assertThat(limit.running()).isZero();
        assertThat(limit.waiting()).isZero();
        assertThat(limit.batches()).isEqualTo(40);
        assertThat(limit.requests()).isLessThan(40);
        assertThat(limit.items()).isEqualTo(asked.stream().mapToInt(List::size).sum());
    }

    @Test
    void a_batch_asked_for_while_a_slot_is_free_is_sent_at_once_and_alone() {
        List<List<String>> sent = new CopyOnWriteArrayList<>();
        List<CompletableFuture<List<String>>> open = new CopyOnWriteArrayList<>();
        InFlightLimit<String, List<String>> limit = new InFlightLimit<>(2, 50, pool, (items, deadline) -> {
            sent.add(items);
            CompletableFuture<List<String>> f = new CompletableFuture<>();
            open.add(f);
            return f;
        });
        limit.submit(List.of("a", "b"), in(10));
        limit.submit(List.of("c"), in(10));
        assertThat(sent).containsExactly(List.of("a", "b"), List.of("c"));
        limit.submit(List.of("d"), in(10));
        assertThat(sent).hasSize(2);
        assertThat(limit.waiting()).isEqualTo(1);
        open.forEach(f -> f.complete(List.of()));
    }

    @Test
    void waiting_batches_go_out_as_one_request_of_at_most_max_items_in_their_order() throws Exception {
        List<List<String>> sent = new CopyOnWriteArrayList<>();
        List<Long> deadlines = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> gate = new CompletableFuture<>();
        InFlightLimit<String, List<String>> limit = new InFlightLimit<>(1, 50, pool, (items, deadline) -> {
            sent.add(items);
            deadlines.add(deadline);
            return sent.size() == 1 ? gate : CompletableFuture.completedFuture(items.stream().map(String::toUpperCase).toList());
        });
        limit.submit(List.of("first"), in(10));
        // a check's two batches (6 and 5 look-ups) for each of 10 parents: 110 items, at most 50 a request
        List<List<String>> asked = new ArrayList<>();
        List<CompletableFuture<InFlightLimit.Part<List<String>>>> parts = new ArrayList<>();
        long earliest = in(20);
        for (int p = 0; p < 10; p++) {
            for (int size : new int[]{6, 5}) {
                int n = asked.size();
                List<String> items = IntStream.range(0, size).mapToObj(k -> "b" + n + "i" + k).toList();
                asked.add(items);
                long deadline = n == 3 ? earliest : in(30);
                parts.add(limit.submit(items, deadline));
            }
        }
        assertThat(sent).hasSize(1);
        assertThat(limit.waiting()).isEqualTo(20);
        gate.complete(List.of("FIRST"));
        for (int b = 0; b < parts.size(); b++) {
            InFlightLimit.Part<List<String>> part = parts.get(b).get(5, TimeUnit.SECONDS);
            assertThat(part.result().subList(part.offset(), part.offset() + asked.get(b).size()))
                    .isEqualTo(asked.get(b).stream().map(String::toUpperCase).toList());
        }
        // 6+5+6+5+6+5+6+5+6 = 50: the first nine batches in one request; 5+6+…+5 = 49 and the next 6 would not fit,
        // so the next nine in another; then the last two
        assertThat(sent).extracting(List::size).containsExactly(1, 50, 49, 11);
        assertThat(sent.get(1)).isEqualTo(asked.subList(0, 9).stream().flatMap(List::stream).toList());
        assertThat(sent.get(3)).isEqualTo(asked.subList(18, 20).stream().flatMap(List::stream).toList());
        // a merged request is due when the earliest of its callers is
        assertThat(deadlines.get(1)).isEqualTo(earliest);
        assertThat(deadlines.get(2)).isGreaterThan(earliest);
        assertThat(limit.requests()).isEqualTo(4);
        assertThat(limit.batches()).isEqualTo(21);
    }

    @Test
    void a_batch_whose_time_ran_out_while_waiting_is_not_sent_and_fails_alone() throws Exception {
        List<List<String>> sent = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> gate = new CompletableFuture<>();
        InFlightLimit<String, List<String>> limit = new InFlightLimit<>(1, 50, pool, (items, deadline) -> {
            sent.add(items);
            return sent.size() == 1 ? gate : CompletableFuture.completedFuture(items);
        });
        limit.submit(List.of("first"), in(10));
        CompletableFuture<InFlightLimit.Part<List<String>>> late = limit.submit(List.of("late"), System.nanoTime() + 1_000_000);
        CompletableFuture<InFlightLimit.Part<List<String>>> patient = limit.submit(List.of("patient"), in(10));
        sleep(20);
        gate.complete(List.of("first"));
        assertThat(patient.get(5, TimeUnit.SECONDS).result()).containsExactly("patient");
        assertThat(late).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().havingCause().isInstanceOf(ExchangeClient.NotSent.class);
        assertThat(sent).containsExactly(List.of("first"), List.of("patient"));
    }

    @Test
    void a_failed_merged_request_fails_each_of_its_callers() {
        CompletableFuture<List<String>> gate = new CompletableFuture<>();
        AtomicInteger requests = new AtomicInteger();
        InFlightLimit<String, List<String>> limit = new InFlightLimit<>(1, 50, pool, (items, deadline) ->
                requests.incrementAndGet() == 1 ? gate : CompletableFuture.failedFuture(new IllegalStateException("exchange down")));
        limit.submit(List.of("first"), in(10));
        var a = limit.submit(List.of("a1", "a2"), in(10));
        var b = limit.submit(List.of("b1"), in(10));
        gate.complete(List.of());
        assertThat(a).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().havingCause().isInstanceOf(IllegalStateException.class);
        assertThat(b).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().havingCause().isInstanceOf(IllegalStateException.class);
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void after_an_answer_the_thread_that_took_it_sends_the_waiting_batches_without_waking_another() throws Exception {
        List<CompletableFuture<List<String>>> calls = new CopyOnWriteArrayList<>();
        List<String> senders = new CopyOnWriteArrayList<>();
        AtomicInteger started = new AtomicInteger();
        InFlightLimit<String, List<String>> limit = new InFlightLimit<>(1, 50, r -> {
            started.incrementAndGet();
            pool.execute(r);
        }, (items, deadline) -> {
            senders.add(Thread.currentThread().getName());
            CompletableFuture<List<String>> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        });
        var first = limit.submit(List.of("first"), in(10));
        var waiting = limit.submit(List.of("w1", "w2"), in(10));
        Thread answerer = new Thread(() -> calls.get(0).complete(List.of("first")), "answerer");
        answerer.start();
        answerer.join();
        assertThat(first.get(5, TimeUnit.SECONDS).result()).containsExactly("first");
        assertThat(senders).containsExactly(Thread.currentThread().getName(), "answerer");
        assertThat(started.get()).isZero();
        calls.get(1).complete(List.of("w1", "w2"));
        assertThat(waiting.get(5, TimeUnit.SECONDS).offset()).isZero();
        assertThat(limit.running()).isZero();
    }

    @Test
    void thousands_of_batches_failing_at_once_all_end_without_starting_each_other_recursively() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            AtomicInteger requests = new AtomicInteger();
            // one item a request: no merging, so every request starts when the one before it failed
            InFlightLimit<Integer, Void> limit = new InFlightLimit<>(1, 1, single, (items, deadline) ->
                    requests.incrementAndGet() == 1 ? gate : CompletableFuture.failedFuture(new IllegalStateException("exchange down")));
            List<CompletableFuture<InFlightLimit.Part<Void>>> results = new ArrayList<>();
            results.add(limit.submit(List.of(0), in(60)));
            for (int i = 1; i <= 20_000; i++) {
                results.add(limit.submit(List.of(i), in(60)));
            }
            assertThat(limit.waiting()).isEqualTo(20_000);
            gate.complete(null);
            CompletableFuture.allOf(results.subList(1, results.size()).toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null).get();
            assertThat(results.subList(1, results.size())).allSatisfy(r -> assertThat(r).isCompletedExceptionally());
            assertThat(limit.running()).isZero();
            assertThat(requests.get()).isEqualTo(20_001);
        } finally {
            single.shutdownNow();
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
