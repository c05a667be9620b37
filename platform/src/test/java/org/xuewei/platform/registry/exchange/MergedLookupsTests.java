package org.xuewei.platform.registry.exchange;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xuewei.platform.registry.ExchangeStub;
import org.xuewei.platform.registry.LookupOutcome;
import org.xuewei.platform.registry.RegistryProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.BIRTHS_OF_PARENT;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.CIVIL_AFFAIRS_OF_PERSON;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.HOUSEHOLDS_OF_PERSON;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.INSURANCE_OF_PERSON;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.PERSON;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.PREFERENTIAL_OF_PERSON;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.RENTALS_OF_PERSON;
import static org.xuewei.platform.registry.exchange.ExchangeLookup.UNITS_OF_PERSON;

/**
 * Group commit of look-ups against an exchange-like server: batches asked for while every request slot is taken go
 * out as one request, and each caller still gets exactly its own answers, failures, retries and time limits.
 */
class MergedLookupsTests {

    static final String FATHER = "360902198804119374";
    static final String CO_OWNER = "360123198707175030";
    static final String MIGRANT = "430102199003151234";
    static final String NOBODY = "360102201501010011";

    ExchangeStub stub;
    ExchangeClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new ExchangeStub(0);
        client = client(Duration.ofSeconds(5), 3, Duration.ofMillis(10));
        client.token(false); // fetched before the tests count requests
    }

    private ExchangeClient client(Duration registryTimeout, int attempts, Duration retryWait) {
        // one request at the exchange at a time: whatever is asked for while it runs waits, and goes out merged
        return new ExchangeClient(new RegistryProperties(stub.baseUrl(), "xuewei-platform", "demo-platform-secret",
                "enrollment-eligibility", Duration.ofSeconds(2), registryTimeout, attempts, retryWait, 50,
                Duration.ofSeconds(30), 4, 1));
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    /** A request that holds the only slot for about 400 ms, once the stub has taken it. */
    private CompletableFuture<ExchangeClient.Answer> occupy() throws InterruptedException {
        stub.delay(PERSON.path(), 400);
        int before = stub.batches();
        CompletableFuture<ExchangeClient.Answer> first = client.lookup(PERSON, FATHER);
        while (stub.batches() == before) {
            Thread.sleep(1);
        }
        return first;
    }

    private static ExchangeClient.Item item(ExchangeLookup lookup, String key) {
        return new ExchangeClient.Item(lookup, key);
    }

    @Test
    void batches_that_waited_together_go_out_as_one_request_and_each_caller_gets_its_own_answers_in_its_order() throws Exception {
        List<List<ExchangeClient.Item>> asked = List.of(
                List.of(item(HOUSEHOLDS_OF_PERSON, FATHER), item(UNITS_OF_PERSON, FATHER), item(PREFERENTIAL_OF_PERSON, FATHER)),
                List.of(item(BIRTHS_OF_PARENT, MIGRANT), item(HOUSEHOLDS_OF_PERSON, NOBODY), item(RENTALS_OF_PERSON, MIGRANT),
                        item(INSURANCE_OF_PERSON, MIGRANT)),
                List.of(item(UNITS_OF_PERSON, CO_OWNER), item(HOUSEHOLDS_OF_PERSON, CO_OWNER)));
        CompletableFuture<ExchangeClient.Answer> first = occupy();
        List<CompletableFuture<List<ExchangeClient.Answer>>> merged = new ArrayList<>();
        asked.forEach(items -> merged.add(client.batch(items)));
        assertThat(first.join().outcome()).isEqualTo(LookupOutcome.FOUND);
        List<List<ExchangeClient.Answer>> answers = merged.stream().map(CompletableFuture::join).toList();

        assertThat(stub.itemsPerBatch()).containsExactly(1, 9);
        stub.recover();
        for (int b = 0; b < asked.size(); b++) {
            List<ExchangeClient.Answer> alone = client.batch(asked.get(b)).join();
            assertThat(answers.get(b)).hasSameSizeAs(asked.get(b));
            for (int i = 0; i < asked.get(b).size(); i++) {
                ExchangeClient.Answer a = answers.get(b).get(i);
                assertThat(a.registry()).isEqualTo(asked.get(b).get(i).lookup().registry());
                assertThat(a.path()).isEqualTo(asked.get(b).get(i).lookup().path() + "{id}");
                assertThat(a.outcome()).isEqualTo(alone.get(i).outcome());
                assertThat(a.data()).isEqualTo(alone.get(i).data());
                assertThat(a.sourceDepartment()).isEqualTo(alone.get(i).sourceDepartment());
            }
        }
        assertThat(answers.get(0)).extracting(ExchangeClient.Answer::outcome)
                .containsExactly(LookupOutcome.FOUND, LookupOutcome.FOUND, LookupOutcome.NOT_FOUND);
        assertThat(answers.get(1)).extracting(ExchangeClient.Answer::outcome)
                .containsExactly(LookupOutcome.FOUND, LookupOutcome.NOT_FOUND, LookupOutcome.FOUND, LookupOutcome.FOUND);
        // the merged request's time limit is within every caller's: the call limit (2 s) less the margin at most
        assertThat(stub.timeoutsMs().get(1)).isBetween(1, 2000 - (int) ExchangeClient.TIMEOUT_MARGIN_MS);
    }

    @Test
    void a_merged_request_answered_503_fails_each_callers_items_and_each_caller_retries_its_own() throws Exception {
        CompletableFuture<ExchangeClient.Answer> first = occupy();
        stub.failBatches(503, 1);
        var a = client.batch(List.of(item(HOUSEHOLDS_OF_PERSON, FATHER), item(UNITS_OF_PERSON, FATHER)));
        var b = client.batch(List.of(item(BIRTHS_OF_PARENT, MIGRANT), item(RENTALS_OF_PERSON, MIGRANT)));
        first.join();
        assertThat(a.join()).extracting(ExchangeClient.Answer::outcome).containsOnly(LookupOutcome.FOUND);
        assertThat(b.join()).extracting(ExchangeClient.Answer::outcome).containsOnly(LookupOutcome.FOUND);
        // the first request, the merged one refused as a whole (not counted by the stub), then the retries
        assertThat(stub.itemsPerBatch().get(0)).isEqualTo(1);
        assertThat(stub.itemsPerBatch().subList(1, stub.itemsPerBatch().size()).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(4);
        // each item's failure counted against its own registry's circuit, once
        assertThat(client.failedCalls("HUKOU")).isEqualTo(1);
        assertThat(client.failedCalls("PROPERTY")).isEqualTo(1);
        assertThat(client.failedCalls("BIRTH")).isEqualTo(1);
        assertThat(client.failedCalls("RENTAL")).isEqualTo(1);
    }

    @Test
    void an_item_that_failed_in_a_merged_request_is_retried_alone_with_its_caller_and_the_others_are_not_asked_again() throws Exception {
        stub.outage(CIVIL_AFFAIRS_OF_PERSON.path());
        CompletableFuture<ExchangeClient.Answer> first = occupy();
        var a = client.batch(List.of(item(HOUSEHOLDS_OF_PERSON, FATHER), item(CIVIL_AFFAIRS_OF_PERSON, FATHER)));
        var b = client.batch(List.of(item(RENTALS_OF_PERSON, MIGRANT)));
        first.join();
        assertThat(a.join()).extracting(ExchangeClient.Answer::outcome)
                .containsExactly(LookupOutcome.FOUND, LookupOutcome.UNAVAILABLE);
        assertThat(b.join()).extracting(ExchangeClient.Answer::outcome).containsExactly(LookupOutcome.FOUND);
        assertThat(stub.itemsPerBatch()).containsExactly(1, 3, 1, 1);
        assertThat(stub.calls(CIVIL_AFFAIRS_OF_PERSON.path())).isEqualTo(3);
        assertThat(stub.calls(HOUSEHOLDS_OF_PERSON.path())).isEqualTo(1);
        assertThat(stub.calls(RENTALS_OF_PERSON.path())).isEqualTo(1);
    }

    @Test
    void a_merged_request_refused_for_its_token_is_sent_again_with_a_fresh_one() throws Exception {
        CompletableFuture<ExchangeClient.Answer> first = occupy();
        var a = client.batch(List.of(item(HOUSEHOLDS_OF_PERSON, FATHER)));
        var b = client.batch(List.of(item(BIRTHS_OF_PARENT, MIGRANT), item(UNITS_OF_PERSON, CO_OWNER)));
        int tokens = stub.tokensIssued();
        stub.revokeTokens();
        first.join();
        assertThat(a.join()).extracting(ExchangeClient.Answer::outcome).containsOnly(LookupOutcome.FOUND);
        assertThat(b.join()).extracting(ExchangeClient.Answer::outcome).containsOnly(LookupOutcome.FOUND);
        assertThat(stub.tokensIssued() - tokens).isEqualTo(1);
        assertThat(stub.itemsPerBatch()).containsExactly(1, 3);
        assertThat(client.failedCalls("HUKOU")).isZero();
    }

    @Test
    void a_retry_whose_time_ran_out_while_waiting_is_unavailable_and_not_counted_against_its_circuit() throws Exception {
        client.close();
        // 1 s for a look-up, 400 ms between tries: the rental's retry waits behind a request that runs until ≈ 1.1 s
        client = client(Duration.ofSeconds(1), 3, Duration.ofMillis(400));
        client.token(false);
        stub.outage(RENTALS_OF_PERSON.path());
        var rental = client.lookup(RENTALS_OF_PERSON, MIGRANT); // fails at once, tried again after 400 ms
        Thread.sleep(200);
        stub.delay(PERSON.path(), 5_000); // answered registry-timeout at its timeoutMs (≈ 900 ms after it was sent)
        var slow = client.lookup(PERSON, FATHER);
        assertThat(rental.join().outcome()).isEqualTo(LookupOutcome.UNAVAILABLE);
        assertThat(slow.join().outcome()).isEqualTo(LookupOutcome.UNAVAILABLE);
        assertThat(stub.calls(RENTALS_OF_PERSON.path())).isEqualTo(1);
        assertThat(client.failedCalls("RENTAL")).isEqualTo(1);
        assertThat(client.circuit("RENTAL")).isEqualTo("CLOSED");
    }
}
