package org.xuewei.exchange.registry;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import static org.xuewei.exchange.registry.RegistryGateway.Key.ID_NUMBER;
import static org.xuewei.exchange.registry.RegistryGateway.Key.RECORD_NUMBER;

/**
 * Every look-up the exchange answers: its registry, the operation name (as in the call log and the batch API), the key
 * it takes and its query for many keys at once (a batch's items of this look-up). A GET endpoint asks it for one key:
 * a batch of one. The GET endpoints and {@code POST /exchange/v1/batch} share this table.
 */
enum Lookup {
    PERSON(Registry.HUKOU, "person", ID_NUMBER, BatchQueries::person),
    HOUSEHOLDS_OF_PERSON(Registry.HUKOU, "households-of-person", ID_NUMBER, BatchQueries::householdsOf),
    HOUSEHOLD(Registry.HUKOU, "household", RECORD_NUMBER, BatchQueries::household),
    UNITS_OF_PERSON(Registry.PROPERTY, "units-of-person", ID_NUMBER, BatchQueries::unitsOf),
    UNIT(Registry.PROPERTY, "unit", RECORD_NUMBER, BatchQueries::unit),
    CONTRACTS_OF_PERSON(Registry.CONTRACT, "contracts-of-person", ID_NUMBER, BatchQueries::contractsOf),
    CONTRACT(Registry.CONTRACT, "contract", RECORD_NUMBER, BatchQueries::contract),
    RENTALS_OF_PERSON(Registry.RENTAL, "rentals-of-person", ID_NUMBER, BatchQueries::rentalsOf),
    PERMITS_OF_PERSON(Registry.RESIDENCE_PERMIT, "permits-of-person", ID_NUMBER, BatchQueries::permitsOf),
    INSURANCE_OF_PERSON(Registry.SOCIAL_INSURANCE, "insurance-of-person", ID_NUMBER, BatchQueries::insuranceOf),
    CIVIL_AFFAIRS_OF_PERSON(Registry.CIVIL_AFFAIRS, "civil-affairs-of-person", ID_NUMBER, BatchQueries::civilAffairsOf),
    STUDENT_STATUS_OF_PERSON(Registry.STUDENT_STATUS, "student-status-of-person", ID_NUMBER, BatchQueries::studentOf),
    PREFERENTIAL_OF_PERSON(Registry.PREFERENTIAL, "preferential-of-person", ID_NUMBER, BatchQueries::preferentialOf),
    BIRTHS_OF_PARENT(Registry.BIRTH, "births-of-parent", ID_NUMBER, BatchQueries::birthsOf);

    private final Registry registry;
    private final String operation;
    private final RegistryGateway.Key key;
    private final Query query;

    /** A look-up's queries for many keys, added to a round trip; its answers once the round trip ran. */
    @FunctionalInterface
    interface Query {
        Supplier<Map<String, Object>> ask(BatchQueries queries, QueryRound round, Collection<String> keys);
    }

    Lookup(Registry registry, String operation, RegistryGateway.Key key, Query query) {
        this.registry = registry;
        this.operation = operation;
        this.key = key;
        this.query = query;
    }

    Registry registry() {
        return registry;
    }

    String operation() {
        return operation;
    }

    RegistryGateway.Key key() {
        return key;
    }

    /** Adds this look-up's queries for many (distinct) keys to a round trip: its answers once that ran. */
    Supplier<Map<String, Object>> ask(BatchQueries q, QueryRound round, Collection<String> keys) {
        return query.ask(q, round, keys);
    }

    /** The look-up for many (distinct) keys in one query: each key's answer, no entry for a key with no record. */
    Map<String, Object> queryAll(BatchQueries q, Collection<String> keys) {
        return q.all(Map.of(this, keys)).get(this);
    }

    /** The look-up for one key (a GET endpoint), as a batch of one: its answer, or null when it has no record. */
    Object queryOne(BatchQueries q, String key) {
        return queryAll(q, List.of(key)).get(key);
    }

    /** The look-up a batch item names, or empty when the registry has no such operation. */
    static Optional<Lookup> of(String registry, String operation) {
        return registry == null || operation == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(registry + "/" + operation));
    }

    private static final Map<String, Lookup> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(l -> l.registry.name() + "/" + l.operation, l -> l));
}
