package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the registries say about one child and its family — the only input rules see.
 * Built by the registry module from the exchange's records; built by hand in tests.
 */
public record ChildFacts(String childId, LocalDate birthDate, Grade grade, List<HukouFact> hukous,
                         List<PropertyFact> properties, List<PurchaseContractFact> contracts,
                         List<RentalFact> rentals, List<ResidencePermitFact> permits,
                         List<SocialInsuranceFact> insurance, List<MaritalEventFact> maritalEvents,
                         SchoolingFact schooling, List<PreferentialFact> preferential,
                         List<SiblingFact> siblings) {

    public ChildFacts {
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(grade, "grade");
        hukous = copy(hukous);
        properties = copy(properties);
        contracts = copy(contracts);
        rentals = copy(rentals);
        permits = copy(permits);
        insurance = copy(insurance);
        maritalEvents = copy(maritalEvents);
        preferential = copy(preferential);
        siblings = copy(siblings);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The hukou of a given person, if the registry has one. */
    public Optional<HukouFact> hukouOf(Relation who) {
        return hukous.stream().filter(h -> h.holder() == who).findFirst();
    }

    /** Age in whole years on the given day (满周岁). */
    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }
}
