package org.xuewei.exchange.registry;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.BiFunction;

import static org.xuewei.exchange.registry.RegistryGateway.Key.ID_NUMBER;
import static org.xuewei.exchange.registry.RegistryGateway.Key.RECORD_NUMBER;

/**
 * Every look-up the exchange answers: its registry, the operation name (as in the call log and the batch API), the key
 * it takes and the query. The GET endpoints and {@code POST /exchange/v1/batch} share this table.
 */
enum Lookup {
    PERSON(Registry.HUKOU, "person", ID_NUMBER, RegistryQueries::person),
    HOUSEHOLDS_OF_PERSON(Registry.HUKOU, "households-of-person", ID_NUMBER, (q, k) -> Optional.of(q.householdsOf(k))),
    HOUSEHOLD(Registry.HUKOU, "household", RECORD_NUMBER, RegistryQueries::household),
    UNITS_OF_PERSON(Registry.PROPERTY, "units-of-person", ID_NUMBER, (q, k) -> Optional.of(q.unitsOf(k))),
    UNIT(Registry.PROPERTY, "unit", RECORD_NUMBER, RegistryQueries::unit),
    CONTRACTS_OF_PERSON(Registry.CONTRACT, "contracts-of-person", ID_NUMBER, (q, k) -> Optional.of(q.contractsOf(k))),
    CONTRACT(Registry.CONTRACT, "contract", RECORD_NUMBER, RegistryQueries::contract),
    RENTALS_OF_PERSON(Registry.RENTAL, "rentals-of-person", ID_NUMBER, (q, k) -> Optional.of(q.rentalsOf(k))),
    PERMITS_OF_PERSON(Registry.RESIDENCE_PERMIT, "permits-of-person", ID_NUMBER, (q, k) -> Optional.of(q.permitsOf(k))),
    INSURANCE_OF_PERSON(Registry.SOCIAL_INSURANCE, "insurance-of-person", ID_NUMBER, (q, k) -> Optional.of(q.insuranceOf(k))),
    CIVIL_AFFAIRS_OF_PERSON(Registry.CIVIL_AFFAIRS, "civil-affairs-of-person", ID_NUMBER, RegistryQueries::civilAffairsOf),
    STUDENT_STATUS_OF_PERSON(Registry.STUDENT_STATUS, "student-status-of-person", ID_NUMBER, (q, k) -> Optional.of(q.studentOf(k))),
    PREFERENTIAL_OF_PERSON(Registry.PREFERENTIAL, "preferential-of-person", ID_NUMBER, (q, k) -> Optional.of(q.preferentialOf(k))),
    BIRTHS_OF_PARENT(Registry.BIRTH, "births-of-parent", ID_NUMBER, (q, k) -> Optional.of(q.birthsOf(k)));

    private final Registry registry;
    private final String operation;
    private final RegistryGateway.Key key;
    private final BiFunction<RegistryQueries, String, Optional<?>> query;

    Lookup(Registry registry, String operation, RegistryGateway.Key key, BiFunction<RegistryQueries, String, Optional<?>> query) {
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

    Optional<?> query(RegistryQueries q, String key) {
        return query.apply(q, key);
    }

    /** The look-up a batch item names, or empty when the registry has no such operation. */
    static Optional<Lookup> of(String registry, String operation) {
        return registry == null || operation == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(registry + "/" + operation));
    }

    private static final Map<String, Lookup> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(l -> l.registry.name() + "/" + l.operation, l -> l));
}
