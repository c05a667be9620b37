package org.xuewei.platform.registry.exchange;

/**
 * The exchange's person look-ups the platform uses: the registry (and circuit breaker) they belong to, the operation
 * name of the batch API ({@code POST /exchange/v1/batch}) and the path of the equivalent GET.
 */
public enum ExchangeLookup {
    PERSON("HUKOU", "person", "persons/"),
    HOUSEHOLDS_OF_PERSON("HUKOU", "households-of-person", "hukou/persons/"),
    UNITS_OF_PERSON("PROPERTY", "units-of-person", "property/persons/"),
    CONTRACTS_OF_PERSON("CONTRACT", "contracts-of-person", "contracts/persons/"),
    RENTALS_OF_PERSON("RENTAL", "rentals-of-person", "rentals/persons/"),
    PERMITS_OF_PERSON("RESIDENCE_PERMIT", "permits-of-person", "residence-permits/persons/"),
    INSURANCE_OF_PERSON("SOCIAL_INSURANCE", "insurance-of-person", "social-insurance/persons/"),
    CIVIL_AFFAIRS_OF_PERSON("CIVIL_AFFAIRS", "civil-affairs-of-person", "civil-affairs/persons/"),
    STUDENT_STATUS_OF_PERSON("STUDENT_STATUS", "student-status-of-person", "student-status/persons/"),
    PREFERENTIAL_OF_PERSON("PREFERENTIAL", "preferential-of-person", "preferential/persons/"),
    BIRTHS_OF_PARENT("BIRTH", "births-of-parent", "births/parents/");

    private final String registry;
    private final String operation;
    private final String path;

    ExchangeLookup(String registry, String operation, String path) {
        this.registry = registry;
        this.operation = operation;
        this.path = path;
    }

    public String registry() {
        return registry;
    }

    public String operation() {
        return operation;
    }

    /** The GET path under {@code /exchange/v1/} without the key, e.g. {@code hukou/persons/}. */
    public String path() {
        return path;
    }

    /** The look-up a batch item names, or null. */
    public static ExchangeLookup of(String registry, String operation) {
        for (ExchangeLookup l : values()) {
            if (l.registry.equals(registry) && l.operation.equals(operation)) {
                return l;
            }
        }
        return null;
    }
}
