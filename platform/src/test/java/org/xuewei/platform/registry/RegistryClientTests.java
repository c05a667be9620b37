package org.xuewei.platform.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.identity.PersonalDataProperties;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.MaritalEventFact;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.registry.exchange.ExchangeCatalog;
import org.xuewei.platform.registry.exchange.ExchangeClient;
import org.xuewei.platform.registry.exchange.ExchangeLookup;
import org.xuewei.platform.registry.exchange.FactsCollector;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry client against an exchange-like HTTP server with fixtures recorded from the exchange's demo city
 * (seed 1, season 2027): mapping to the policy's facts, token caching, evidence, 404, outage, timeout, circuit.
 */
class RegistryClientTests {

    static final String FATHER = "360902198804119374";     // category 1, 红谷滩区, home owned 50/50
    static final String CHILD = "360113202105311732";
    static final String CO_OWNER_FATHER = "360123198707175030"; // CO_OWNER_NON_DIRECT: 40 % with an unrelated person
    static final String CO_OWNER_CHILD = "360111202104076256";
    static final String DIVORCED_FATHER = "360302198404288918"; // DIVORCE_BEFORE_SEASON
    static final String DIVORCED_CHILD = "360113202103229057";
    static final String MIGRANT_FATHER = "430102199003151234"; // category 7: 户籍 in 长沙, no household in the exchange
    static final String MIGRANT_MOTHER = "43010219920720246X";
    static final String MIGRANT_CHILD = "43010220210410137X";   // G1 by 出生医学证明; a younger sister is not of age

    static ExchangeStub stub;
    static ExchangeClient client;
    static FactsCollector collector;
    static final List<Evidence> kept = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stub = new ExchangeStub(0);
        client = new ExchangeClient(new RegistryProperties(stub.baseUrl(), "xuewei-platform", "demo-platform-secret",
                "enrollment-eligibility", Duration.ofMillis(400), Duration.ofSeconds(2), 3, Duration.ofMillis(10), 50,
                Duration.ofSeconds(30), 16, 64));
        var catalog = ExchangeCatalog.of(JsonMapper.builder().build().readTree(
                RegistryClientTests.class.getResourceAsStream("/registry/catalog.json")));
        PersonalData personal = new PersonalData(new PersonalDataProperties("U4jO83anLtl1R3LOa7y2xKjadJiIm+mCXIsoGJ3ADVY="));
        collector = new FactsCollector(client, catalog, personal, (answer, registry, operation, subject) -> {
            Evidence e = new Evidence(UUID.randomUUID(), registry, operation, answer.sourceDepartment(), answer.recordTime(),
                    answer.fetchedAt(), answer.sha256(), answer.outcome());
            kept.add(e);
            return e;
        });
    }

    @AfterAll
    static void stop() {
        client.close();
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.recover();
        kept.clear();
    }

    @Test
    void lists_the_children_of_enrollment_age_in_the_household() {
        Household household = collector.household(FATHER, 2027);
        assertThat(household.outcome()).isEqualTo(LookupOutcome.FOUND);
        assertThat(household.children()).singleElement().satisfies(c -> {
            assertThat(c.idNumber()).isEqualTo(CHILD);
            assertThat(c.grade()).isEqualTo(Grade.G1);
            assertThat(c.birthDate()).isEqualTo(LocalDate.of(2021, 5, 31));
        });
        assertThat(collector.household(FATHER, 2030).children()).isEmpty();
    }

    @Test
    void maps_a_category_1_family_to_the_policy_facts() {
        FactsReport report = collector.facts(FATHER, CHILD, Grade.G1, 2027);
        assertThat(report.complete()).isTrue();
        assertThat(report.missing()).isEmpty();
        ChildFacts facts = report.facts();
        HukouFact hukou = facts.hukouOf(Relation.CHILD).orElseThrow();
        assertThat(hukou.householder()).isEqualTo(Relation.FATHER);
        assertThat(hukou.members()).contains(Relation.FATHER, Relation.MOTHER, Relation.CHILD);
        assertThat(hukou.address().districtCode()).isEqualTo("360113");
        assertThat(hukou.address().zoneSchools()).contains("360113P004", "360113P005");
        assertThat(hukou.collective()).isFalse();
        assertThat(facts.hukouOf(Relation.FATHER)).isPresent();
        assertThat(facts.hukouOf(Relation.MOTHER)).isPresent();
        assertThat(facts.properties()).singleElement().satisfies(p -> {
            assertThat(p.usage()).isEqualTo(PropertyUsage.RESIDENTIAL);
            assertThat(p.owners()).extracting(o -> o.relation()).containsExactlyInAnyOrder(Relation.FATHER, Relation.MOTHER);
            assertThat(p.address().zoneSchools()).contains("360113P004");
        });
        assertThat(facts.maritalEvents()).extracting(MaritalEventFact::kind).containsExactly(MaritalEventFact.Kind.MARRIAGE);
        assertThat(facts.insurance()).isNotEmpty().allSatisfy(i -> assertThat(i.holder().isParent()).isTrue());
        // every answer is kept with its source department and digest; 404s are definite answers
        assertThat(kept).isNotEmpty().allSatisfy(e -> assertThat(e.outcome()).isNotEqualTo(LookupOutcome.UNAVAILABLE));
        assertThat(kept).filteredOn(e -> e.outcome() == LookupOutcome.FOUND)
                .allSatisfy(e -> {
                    assertThat(e.sourceDepartment()).isNotBlank();
                    assertThat(e.sha256()).hasSize(64);
                    assertThat(e.recordTime()).isBefore(Instant.now());
                });
        assertThat(report.statuses()).anySatisfy(s -> {
            assertThat(s.registry()).isEqualTo(RegistrySource.PREFERENTIAL);
            assertThat(s.outcome()).isEqualTo(LookupOutcome.NOT_FOUND);
        });
    }

    @Test
    void a_non_direct_co_owner_is_a_non_relative_owner() {
        ChildFacts facts = collector.facts(CO_OWNER_FATHER, CO_OWNER_CHILD, Grade.G1, 2027).facts();
        assertThat(facts.properties()).anySatisfy(p -> assertThat(p.owners())
                .anySatisfy(o -> {
                    assertThat(o.relation()).isEqualTo(Relation.NON_RELATIVE);
                    assertThat(o.sharePercent()).isEqualTo(60.0);
                }));
    }

    @Test
    void a_divorce_before_the_season_is_seen_with_the_child_moved_in_after_it() {
        ChildFacts facts = collector.facts(DIVORCED_FATHER, DIVORCED_CHILD, Grade.G1, 2027).facts();
        MaritalEventFact divorce = facts.maritalEvents().stream()
                .filter(m -> m.kind() == MaritalEventFact.Kind.DIVORCE).findFirst().orElseThrow();
        assertThat(divorce.date().getYear()).isEqualTo(2027);
        assertThat(facts.hukouOf(Relation.CHILD).orElseThrow().moveInDate()).isAfter(divorce.date());
    }

    @Test
    void a_check_is_two_round_trips_to_the_exchange() {
        int before = stub.batches();
        FactsReport report = collector.facts(FATHER, CHILD, Grade.G1, 2027);
        assertThat(report.complete()).isTrue();
        assertThat(stub.batches() - before).isEqualTo(2);
        before = stub.batches();
        assertThat(collector.facts(MIGRANT_FATHER, MIGRANT_CHILD, Grade.G1, 2027).complete()).isTrue();
        assertThat(stub.batches() - before).isEqualTo(2);
    }

    @Test
    void the_token_is_fetched_once_and_reused_until_it_expires() {
        int before = stub.tokensIssued();
        collector.facts(FATHER, CHILD, Grade.G1, 2027);
        collector.facts(FATHER, CHILD, Grade.G1, 2027);
        assertThat(stub.tokensIssued() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void an_outage_is_retried_then_reported_as_unavailable_not_as_no_record() {
        stub.outage("social-insurance/");
        int before = stub.calls("social-insurance/persons/" + FATHER);
        int rentalsBefore = stub.calls("rentals/persons/" + FATHER);
        FactsReport report = collector.facts(FATHER, CHILD, Grade.G1, 2027);
        assertThat(report.complete()).isFalse();
        assertThat(report.unavailable()).allSatisfy(s -> assertThat(s.registry()).isEqualTo(RegistrySource.SOCIAL_INSURANCE));
        assertThat(stub.calls("social-insurance/persons/" + FATHER) - before).isEqualTo(3);
        // asked in the same batch, answered the first time: not asked again
        assertThat(stub.calls("rentals/persons/" + FATHER) - rentalsBefore).isEqualTo(1);
        assertThat(report.missing()).isEmpty();
    }

    @Test
    void a_slow_registry_times_out_while_the_others_answer() {
        stub.delay("civil-affairs/", 3000);
        long started = System.nanoTime();
        FactsReport report = collector.facts(FATHER, CHILD, Grade.G1, 2027);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(report.unavailable()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.registry()).isEqualTo(RegistrySource.CIVIL_AFFAIRS));
        assertThat(report.facts().hukouOf(Relation.CHILD)).isPresent();
    }

    @Test
    void a_busy_exchange_queues_batches_in_the_platform_instead_of_timing_them_out() throws Exception {
        try (ExchangeStub slow = new ExchangeStub(0);
             ExchangeClient limited = new ExchangeClient(new RegistryProperties(slow.baseUrl(), "xuewei-platform",
                     "demo-platform-secret", "enrollment-eligibility", Duration.ofMillis(400), Duration.ofSeconds(5), 1,
                     Duration.ofMillis(10), 50, Duration.ofSeconds(30), 4, 2))) {
            slow.delay(ExchangeLookup.HOUSEHOLDS_OF_PERSON.path(), 250);
            // 8 look-ups at once, 2 at a time at the exchange, 250 ms each: the last is sent after ≈ 750 ms, beyond
            // its 400 ms call limit if waiting counted; none times out, none is retried (1 attempt), no circuit opens
            List<java.util.concurrent.CompletableFuture<ExchangeClient.Answer>> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(limited.lookup(ExchangeLookup.HOUSEHOLDS_OF_PERSON, FATHER));
            }
            assertThat(asked).allSatisfy(a -> assertThat(a.join().outcome()).isEqualTo(LookupOutcome.FOUND));
            assertThat(slow.mostBatchesAtOnce()).isEqualTo(2);
        }
    }

    @Test
    void a_failing_registry_opens_its_circuit_and_is_no_longer_called() {
        try (ExchangeClient client = new ExchangeClient(new RegistryProperties(stub.baseUrl(), "xuewei-platform",
                "demo-platform-secret", "enrollment-eligibility", Duration.ofMillis(400), Duration.ofSeconds(2), 2,
                Duration.ofMillis(10), 50, Duration.ofSeconds(30), 4, 64))) {
            opensItsCircuit(client);
        }
    }

    private void opensItsCircuit(ExchangeClient client) {
        stub.outage("rentals/");
        for (int i = 0; i < 6; i++) {
            client.lookup(ExchangeLookup.RENTALS_OF_PERSON, FATHER).join();
        }
        assertThat(client.circuit("RENTAL")).isEqualTo("OPEN");
        int before = stub.calls("rentals/");
        assertThat(client.lookup(ExchangeLookup.RENTALS_OF_PERSON, FATHER).join().outcome())
                .isEqualTo(LookupOutcome.UNAVAILABLE);
        assertThat(stub.calls("rentals/")).isEqualTo(before);
        assertThat(client.circuit("HUKOU")).isEqualTo("CLOSED");
    }

    @Test
    void answers_are_handled_on_the_clients_own_threads_not_in_the_common_pool() {
        // not handed on to the common pool (or, when it has fewer than two threads, to a new thread per answer)
        for (int i = 0; i < 20; i++) {
            String thread = client.batch(List.of(new ExchangeClient.Item(ExchangeLookup.HOUSEHOLDS_OF_PERSON, FATHER)))
                    .thenApply(a -> Thread.currentThread().getName()).join();
            assertThat(thread).startsWith("registry-");
        }
    }

    @Test
    void a_missing_record_is_a_definite_answer() {
        ExchangeClient.Answer a = client.lookup(ExchangeLookup.HOUSEHOLDS_OF_PERSON, "360102201501010011").join();
        assertThat(a.outcome()).isEqualTo(LookupOutcome.NOT_FOUND);
    }

    @Test
    void a_migrant_parent_without_a_household_finds_the_child_in_the_birth_registry() {
        Household household = collector.household(MIGRANT_FATHER, 2027);
        assertThat(household.outcome()).isEqualTo(LookupOutcome.FOUND);
        assertThat(household.children()).singleElement().satisfies(c -> {
            assertThat(c.idNumber()).isEqualTo(MIGRANT_CHILD);
            assertThat(c.name()).isEqualTo("彭子涵");
            assertThat(c.grade()).isEqualTo(Grade.G1);
            assertThat(c.source()).isEqualTo(RegistrySource.BIRTH);
        });
        assertThat(kept).anySatisfy(e -> {
            assertThat(e.registry()).isEqualTo(RegistrySource.BIRTH);
            assertThat(e.sourceDepartment()).isEqualTo("南昌市卫生健康委员会");
            assertThat(e.outcome()).isEqualTo(LookupOutcome.FOUND);
        });
        // a household child is still listed from 户籍, and nobody without a birth record gains a child
        assertThat(collector.household(FATHER, 2027).children()).singleElement()
                .satisfies(c -> assertThat(c.source()).isEqualTo(RegistrySource.HUKOU));
        assertThat(collector.household("360102201501010011", 2027).outcome()).isEqualTo(LookupOutcome.NOT_FOUND);
    }

    @Test
    void the_birth_record_establishes_the_guardianship_of_a_child_without_a_household() {
        assertThat(collector.guardianship(MIGRANT_MOTHER, MIGRANT_CHILD, 2027).children()).singleElement()
                .satisfies(c -> assertThat(c.source()).isEqualTo(RegistrySource.BIRTH));
        assertThat(collector.guardianship(FATHER, MIGRANT_CHILD, 2027).outcome()).isEqualTo(LookupOutcome.NOT_FOUND);
    }

    @Test
    void a_migrant_childs_facts_name_both_parents_from_the_birth_record() {
        FactsReport report = collector.facts(MIGRANT_FATHER, MIGRANT_CHILD, Grade.G1, 2027);
        assertThat(report.complete()).isTrue();
        assertThat(report.missing()).doesNotContain("CHILD_HUKOU");
        assertThat(report.childName()).isEqualTo("彭子涵");
        assertThat(report.statuses()).anySatisfy(s -> {
            assertThat(s.registry()).isEqualTo(RegistrySource.BIRTH);
            assertThat(s.outcome()).isEqualTo(LookupOutcome.FOUND);
        });
        ChildFacts facts = report.facts();
        assertThat(facts.hukouOf(Relation.CHILD)).isEmpty();
        assertThat(facts.permits()).singleElement().satisfies(p -> assertThat(p.holder()).isEqualTo(Relation.FATHER));
        assertThat(facts.insurance()).isNotEmpty().allSatisfy(i -> assertThat(i.holder()).isEqualTo(Relation.FATHER));
        // the mother, named by the birth record, was asked too
        assertThat(stub.calls("civil-affairs/persons/" + MIGRANT_MOTHER)).isPositive();
    }

    @Test
    void a_birth_registry_outage_keeps_the_household_children_and_says_unavailable_without_one() {
        stub.outage("births/");
        Household household = collector.household(FATHER, 2027);
        assertThat(household.outcome()).isEqualTo(LookupOutcome.FOUND);
        assertThat(household.children()).hasSize(1);
        assertThat(collector.household(MIGRANT_FATHER, 2027).outcome()).isEqualTo(LookupOutcome.UNAVAILABLE);
    }
}
