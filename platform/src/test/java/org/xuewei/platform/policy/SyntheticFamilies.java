package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random but plausible families for laws and the benchmark; deterministic for a given {@link Random}. */
final class SyntheticFamilies {

    static final Address[] ADDRESSES = {Family.ZONE, Family.ZONE_2, Family.URBAN_ELSEWHERE, Family.RURAL,
            new Address("A-QSH", "360111", "360111003001", Set.of("S-QSH-01")),
            new Address("A-NCX", "360121", "360121100001", Set.of("S-NCX-01"))};
    static final Relation[] HOUSEHOLDERS = {Relation.FATHER, Relation.MOTHER, Relation.PATERNAL_GRANDFATHER,
            Relation.MATERNAL_GRANDMOTHER, Relation.OTHER_RELATIVE};
    static final Relation[] OWNERS = {Relation.FATHER, Relation.MOTHER, Relation.CHILD, Relation.PATERNAL_GRANDFATHER,
            Relation.MATERNAL_GRANDFATHER, Relation.NON_RELATIVE};

    private SyntheticFamilies() {
    }

    static ChildFacts family(Random r, int n) {
        String id = "syn-" + n;
        LocalDate birth = LocalDate.of(2018, 9, 1).plusDays(r.nextInt(400));
        List<HukouFact> hukous = new ArrayList<>();
        Address home = pick(r, ADDRESSES);
        Relation householder = pick(r, HOUSEHOLDERS);
        boolean collective = r.nextInt(10) == 0;
        LocalDate moveIn = LocalDate.of(2008, 1, 1).plusDays(r.nextInt(6200));
        Set<Relation> members = EnumSet.of(Relation.CHILD, Relation.FATHER, Relation.MOTHER, householder);
        for (Relation who : List.of(Relation.CHILD, Relation.FATHER, Relation.MOTHER)) {
            hukous.add(new HukouFact(who, home, householder, collective, moveIn, members,
                    SourceRef.of(RegistrySource.HUKOU, id + who.ordinal())));
        }
        List<PropertyFact> properties = new ArrayList<>();
        int homes = r.nextInt(4);
        for (int i = 0; i < homes; i++) {
            List<Owner> owners = new ArrayList<>();
            int share = 100;
            if (r.nextBoolean()) {
                int first = 30 + r.nextInt(41);
                owners.add(new Owner(pick(r, OWNERS), first));
                share -= first;
            }
            owners.add(new Owner(pick(r, OWNERS), share));
            List<PlaceUse> uses = r.nextInt(15) == 0 ? List.of(new PlaceUse("other-" + n, Grade.G1, 2019 + r.nextInt(6)))
                    : List.of();
            properties.add(new PropertyFact(id + "-P" + i, pick(r, ADDRESSES), pick(r, PropertyUsage.values()),
                    LocalDate.of(2010, 1, 1).plusDays(r.nextInt(5700)), owners, uses, null));
        }
        List<PurchaseContractFact> contracts = new ArrayList<>();
        if (r.nextInt(8) == 0) {
            contracts.add(new PurchaseContractFact(id + "-C", pick(r, ADDRESSES), PropertyUsage.RESIDENTIAL,
                    LocalDate.of(2023, 1, 1).plusDays(r.nextInt(900)), r.nextBoolean(), null,
                    List.of(new Owner(Relation.FATHER, 100)), List.of(), null));
        }
        List<RentalFact> rentals = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            LocalDate reg = LocalDate.of(2023, 6, 1).plusDays(r.nextInt(700));
            rentals.add(new RentalFact(id + "-R", pick(r, ADDRESSES), Relation.FATHER, reg, reg.plusYears(2), null));
        }
        List<ResidencePermitFact> permits = new ArrayList<>();
        List<SocialInsuranceFact> insurance = new ArrayList<>();
        if (r.nextInt(5) == 0) {
            LocalDate issued = LocalDate.of(2022, 1, 1).plusDays(r.nextInt(1400));
            permits.add(new ResidencePermitFact(id + "-J", Relation.FATHER, "3601", issued, issued.plusYears(3), null));
            insurance.add(new SocialInsuranceFact(Relation.FATHER, "职工基本养老保险", 6 + r.nextInt(90),
                    LocalDate.of(2018, 1, 1).plusDays(r.nextInt(2800)), LocalDate.of(2025, 6, 1), null));
        }
        List<PreferentialFact> preferential = r.nextInt(40) == 0
                ? List.of(new PreferentialFact(r.nextBoolean() ? "ACTIVE_MILITARY" : "TALENT_B", "", null)) : List.of();
        List<SiblingFact> siblings = r.nextInt(6) == 0
                ? List.of(new SiblingFact(id + "-s", r.nextInt(10) == 0, true, r.nextBoolean() ? Family.SCHOOL : "S-X"))
                : List.of();
        return new ChildFacts(id, birth, Grade.G1, hukous, properties, contracts, rentals, permits, insurance,
                List.of(), null, preferential, siblings);
    }

    /** The same facts with every registry list reversed: a law says this changes no decision. */
    static ChildFacts reversed(ChildFacts f) {
        return new ChildFacts(f.childId(), f.birthDate(), f.grade(), rev(f.hukous()), rev(f.properties()),
                rev(f.contracts()), rev(f.rentals()), rev(f.permits()), rev(f.insurance()), rev(f.maritalEvents()),
                f.schooling(), rev(f.preferential()), rev(f.siblings()));
    }

    private static <T> List<T> rev(List<T> list) {
        List<T> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
