package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Hand-built families for policy tests. The target school is {@link #SCHOOL} in 东湖区. */
final class Family {

    static final String SCHOOL = "S-DH-01";
    static final String DISTRICT = "360102";
    /** An address in the school's zone. */
    static final Address ZONE = new Address("A-ZONE", DISTRICT, "360102001001", Set.of(SCHOOL));
    /** Another address in the zone. */
    static final Address ZONE_2 = new Address("A-ZONE-2", DISTRICT, "360102001002", Set.of(SCHOOL));
    /** Elsewhere in the urban area (西湖区). */
    static final Address URBAN_ELSEWHERE = new Address("A-XH", "360103", "360103002001", Set.of("S-XH-01"));
    /** Outside the urban area (进贤县). */
    static final Address RURAL = new Address("A-JX", "360124", "360124100001", Set.of("S-JX-01"));

    static final Set<Relation> CHILD_AND_PARENTS = EnumSet.of(Relation.CHILD, Relation.FATHER, Relation.MOTHER);

    private final String childId;
    private LocalDate birth = LocalDate.of(2019, 3, 1);
    private Grade grade = Grade.G1;
    private final List<HukouFact> hukous = new ArrayList<>();
    private final List<PropertyFact> properties = new ArrayList<>();
    private final List<PurchaseContractFact> contracts = new ArrayList<>();
    private final List<RentalFact> rentals = new ArrayList<>();
    private final List<ResidencePermitFact> permits = new ArrayList<>();
    private final List<SocialInsuranceFact> insurance = new ArrayList<>();
    private final List<PreferentialFact> preferential = new ArrayList<>();
    private final List<SiblingFact> siblings = new ArrayList<>();
    private SchoolingFact schooling;
    private int seq;

    private Family(String childId) {
        this.childId = childId;
    }

    static Family child(String id) {
        return new Family(id);
    }

    Family born(LocalDate day) {
        this.birth = day;
        return this;
    }

    Family grade7(LocalDate graduation) {
        this.grade = Grade.G7;
        this.birth = LocalDate.of(2013, 5, 1);
        this.schooling = new SchoolingFact("XJ-" + childId, "P-01", DISTRICT, graduation, null);
        return this;
    }

    /** Child and both parents in one household at {@code a}. */
    Family familyHukou(Address a, Relation householder) {
        return familyHukou(a, householder, LocalDate.of(2015, 1, 10));
    }

    Family familyHukou(Address a, Relation householder, LocalDate moveIn) {
        Set<Relation> members = EnumSet.copyOf(CHILD_AND_PARENTS);
        members.add(householder);
        for (Relation r : CHILD_AND_PARENTS) {
            hukous.add(new HukouFact(r, a, householder, false, moveIn, members,
                    SourceRef.of(RegistrySource.HUKOU, "HK-" + childId + "-" + r)));
        }
        return this;
    }

    Family hukou(Relation holder, Address a, Relation householder, boolean collective, Set<Relation> members) {
        hukous.add(new HukouFact(holder, a, householder, collective, LocalDate.of(2016, 4, 1), members,
                SourceRef.of(RegistrySource.HUKOU, "HK-" + childId + "-" + holder)));
        return this;
    }

    Family home(Address a, PropertyUsage usage, LocalDate date, Owner... owners) {
        return home(a, usage, date, List.of(), owners);
    }

    Family home(Address a, PropertyUsage usage, LocalDate date, List<PlaceUse> uses, Owner... owners) {
        String no = "赣(2020)南昌市不动产权第" + childId + "-" + (++seq) + "号";
        properties.add(new PropertyFact(no, a, usage, date, List.of(owners), uses, null));
        return this;
    }

    Family contract(Address a, boolean delivered, LocalDate signed, Owner... buyers) {
        contracts.add(new PurchaseContractFact("WQ-" + childId + "-" + (++seq), a, PropertyUsage.RESIDENTIAL, signed,
                delivered, delivered ? signed.plusMonths(6) : null, List.of(buyers), List.of(), null));
        return this;
    }

    Family rental(Address a, LocalDate registered, LocalDate end) {
        rentals.add(new RentalFact("ZL-" + childId + "-" + (++seq), a, Relation.FATHER, registered, end, null));
        return this;
    }

    Family permit(Relation holder, LocalDate issued, LocalDate until) {
        permits.add(new ResidencePermitFact("JZZ-" + childId, holder, "3601", issued, until, null));
        return this;
    }

    Family insurance(Relation holder, int months, LocalDate firstPaid) {
        insurance.add(new SocialInsuranceFact(holder, "职工基本养老保险", months, firstPaid, LocalDate.of(2025, 6, 1),
                SourceRef.of(RegistrySource.SOCIAL_INSURANCE, "SB-" + childId)));
        return this;
    }

    Family preferential(String category) {
        preferential.add(new PreferentialFact(category, "军分区政治部", SourceRef.of(RegistrySource.PREFERENTIAL, "YD-" + childId)));
        return this;
    }

    Family sibling(String id, boolean twin, String schoolId) {
        siblings.add(new SiblingFact(id, twin, true, schoolId));
        return this;
    }

    ChildFacts build() {
        return new ChildFacts(childId, birth, grade, hukous, properties, contracts, rentals, permits, insurance,
                List.of(), schooling, preferential, siblings);
    }

    static Owner father(int share) {
        return new Owner(Relation.FATHER, share);
    }

    static Owner mother(int share) {
        return new Owner(Relation.MOTHER, share);
    }

    static Owner grandfather(int share) {
        return new Owner(Relation.PATERNAL_GRANDFATHER, share);
    }

    static Owner stranger(int share) {
        return new Owner(Relation.NON_RELATIVE, share);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
