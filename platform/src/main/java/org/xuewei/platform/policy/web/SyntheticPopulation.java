package org.xuewei.platform.policy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.xuewei.platform.policy.Address;
import org.xuewei.platform.policy.Applicant;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.Owner;
import org.xuewei.platform.policy.PlaceUse;
import org.xuewei.platform.policy.PreferentialFact;
import org.xuewei.platform.policy.PropertyFact;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.PurchaseContractFact;
import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.policy.RentalFact;
import org.xuewei.platform.policy.ResidencePermitFact;
import org.xuewei.platform.policy.SiblingFact;
import org.xuewei.platform.policy.SocialInsuranceFact;
import org.xuewei.platform.policy.SourceRef;

/**
 * 模拟人群 — a deterministic synthetic G1 population for previews before the season has applicants: for a district,
 * {@value #SCHOOLS} synthetic schools ({@code <district>-SYN-01}…), each zone two synthetic communities, and
 * {@value #PER_SCHOOL} children per school drawn from family profiles of every category (own home, grandparents'
 * home, apartment, registered rental, hukou elsewhere, migrant with permit and insurance, purchase contracts,
 * active-service military, too young…). Same district and season, same children.
 */
final class SyntheticPopulation {

    static final int SCHOOLS = 6;
    static final int PER_SCHOOL = 100;
    /** The districts the city default's preview spreads over. */
    static final List<String> CITY_SAMPLE = List.of("360102", "360103", "360111");
    private static final String URBAN_ELSEWHERE = "360104";
    private static final String RURAL = "360124";

    private SyntheticPopulation() {
    }

    static List<Applicant> of(String districtCode, int season) {
        List<Applicant> out = new ArrayList<>();
        if (districtCode == null) {
            for (String d : CITY_SAMPLE) {
                out.addAll(district(d, season, SCHOOLS / 2));
            }
            return out;
        }
        return district(districtCode, season, SCHOOLS);
    }

    static String schoolId(String districtCode, int n) {
        return districtCode + "-SYN-" + (n < 10 ? "0" : "") + n;
    }

    private static List<Applicant> district(String d, int season, int schools) {
        Random r = new Random(d.hashCode() * 31L + season);
        List<Address> zones = new ArrayList<>();
        for (int s = 1; s <= schools; s++) {
            for (int c = 1; c <= 2; c++) {
                zones.add(new Address("SYN-" + d + "-" + s + "-" + c, d, d + "9" + (s < 10 ? "0" : "") + s + "00" + c,
                        Set.of(schoolId(d, s))));
            }
        }
        Address elsewhere = new Address("SYN-" + URBAN_ELSEWHERE, d.equals(URBAN_ELSEWHERE) ? "360103" : URBAN_ELSEWHERE,
                "", Set.of());
        Address rural = new Address("SYN-" + RURAL, d.equals(RURAL) ? "360123" : RURAL, "", Set.of());
        List<Applicant> out = new ArrayList<>();
        for (int s = 1; s <= schools; s++) {
            String school = schoolId(d, s);
            for (int i = 0; i < PER_SCHOOL; i++) {
                String id = school + "-" + (i < 10 ? "00" : i < 100 ? "0" : "") + i;
                Address zone = zones.get((s - 1) * 2 + r.nextInt(2));
                Address otherZone = zones.get(r.nextInt(zones.size()));
                out.add(new Applicant(child(r, id, season, zone, otherZone, elsewhere, rural, school), school, d));
            }
        }
        return out;
    }

    private static ChildFacts child(Random r, String id, int season, Address zone, Address otherZone, Address elsewhere,
                                    Address rural, String school) {
        LocalDate birth = LocalDate.of(season - 7, 9, 1).plusDays(r.nextInt(380));
        Relation parent = r.nextBoolean() ? Relation.FATHER : Relation.MOTHER;
        List<HukouFact> hukous = new ArrayList<>();
        List<PropertyFact> homes = new ArrayList<>();
        List<PurchaseContractFact> contracts = new ArrayList<>();
        List<RentalFact> rentals = new ArrayList<>();
        List<ResidencePermitFact> permits = new ArrayList<>();
        List<SocialInsuranceFact> insurance = new ArrayList<>();
        List<PreferentialFact> preferential = new ArrayList<>();
        LocalDate moveIn = LocalDate.of(season - 12, 1, 1).plusDays(r.nextInt(365 * 11));
        int profile = r.nextInt(100);
        if (profile < 35) { // own home and hukou in the zone (房户一致)
            hukou(hukous, id, zone, parent, false, moveIn);
            homes.add(home(r, id, 0, zone, PropertyUsage.RESIDENTIAL, season, owners(r, parent)));
        } else if (profile < 45) { // grandparents' hukou and home
            Relation gp = r.nextBoolean() ? Relation.PATERNAL_GRANDFATHER : Relation.MATERNAL_GRANDMOTHER;
            hukou(hukous, id, zone, gp, false, moveIn);
            homes.add(home(r, id, 0, zone, PropertyUsage.RESIDENTIAL, season, List.of(new Owner(gp, 100))));
            if (r.nextInt(4) == 0) { // parents own elsewhere in the city
                homes.add(home(r, id, 1, elsewhere, PropertyUsage.RESIDENTIAL, season, List.of(new Owner(parent, 100))));
            }
        } else if (profile < 55) { // own home in the zone, hukou elsewhere in the urban area
            hukou(hukous, id, elsewhere, parent, false, moveIn);
            homes.add(home(r, id, 0, zone, PropertyUsage.RESIDENTIAL, season, owners(r, parent)));
        } else if (profile < 62) { // hukou at an apartment owned in the zone
            hukou(hukous, id, zone, parent, false, moveIn);
            homes.add(home(r, id, 0, zone, r.nextBoolean() ? PropertyUsage.APARTMENT
                    : PropertyUsage.COMMERCIAL_RESIDENTIAL, season, owners(r, parent)));
        } else if (profile < 72) { // hukou in the zone (sometimes collective), registered rental
            hukou(hukous, id, zone, parent, r.nextInt(3) == 0, moveIn);
            rentals.add(rental(r, id, zone, parent, season));
        } else if (profile < 80) { // hukou elsewhere in the urban area, rental in the zone
            hukou(hukous, id, elsewhere, parent, false, moveIn);
            rentals.add(rental(r, id, zone, parent, season));
        } else if (profile < 90) { // migrant family: permit and social insurance
            hukou(hukous, id, rural, parent, false, moveIn);
            LocalDate issued = LocalDate.of(season - 4, 1, 1).plusDays(r.nextInt(365 * 4));
            permits.add(new ResidencePermitFact(id + "-J", parent, "3601", issued, issued.plusYears(3),
                    SourceRef.of(RegistrySource.RESIDENCE_PERMIT, id + "-J")));
            rentals.add(rental(r, id, r.nextBoolean() ? zone : otherZone, parent, season));
        } else if (profile < 96) { // bought in the zone: a purchase contract, delivered or not
            hukou(hukous, id, zone, parent, false, moveIn);
            contracts.add(new PurchaseContractFact(id + "-C", zone, PropertyUsage.RESIDENTIAL,
                    LocalDate.of(season - 2, 1, 1).plusDays(r.nextInt(700)), r.nextInt(3) > 0, null,
                    List.of(new Owner(parent, 100)), List.of(), SourceRef.of(RegistrySource.PURCHASE_CONTRACT, id + "-C")));
        } else { // active-service military family renting in the zone
            hukou(hukous, id, otherZone, parent, false, moveIn);
            rentals.add(rental(r, id, zone, parent, season));
            preferential.add(new PreferentialFact("ACTIVE_MILITARY", "军分区政治部",
                    SourceRef.of(RegistrySource.PREFERENTIAL, id + "-M")));
        }
        if (r.nextInt(3) > 0) {
            LocalDate first = LocalDate.of(season - 9, 1, 1).plusDays(r.nextInt(365 * 9));
            insurance.add(new SocialInsuranceFact(parent, "职工基本养老保险",
                    (int) Math.max(1, java.time.temporal.ChronoUnit.MONTHS.between(first, LocalDate.of(season, 6, 1))),
                    first, LocalDate.of(season, 6, 1), SourceRef.of(RegistrySource.SOCIAL_INSURANCE, id + "-I")));
        }
        List<SiblingFact> siblings = r.nextInt(10) == 0
                ? List.of(new SiblingFact(id + "-s", false, true, r.nextBoolean() ? school : "")) : List.of();
        return new ChildFacts(id, birth, Grade.G1, hukous, homes, contracts, rentals, permits, insurance, List.of(),
                null, preferential, siblings);
    }

    private static void hukou(List<HukouFact> out, String id, Address at, Relation householder, boolean collective,
                              LocalDate moveIn) {
        Set<Relation> members = EnumSet.of(Relation.CHILD, Relation.FATHER, Relation.MOTHER, householder);
        for (Relation who : List.of(Relation.CHILD, Relation.FATHER, Relation.MOTHER)) {
            out.add(new HukouFact(who, at, householder, collective, moveIn, members,
                    SourceRef.of(RegistrySource.HUKOU, id + "-H" + who.ordinal())));
        }
    }

    private static List<Owner> owners(Random r, Relation parent) {
        int kind = r.nextInt(10);
        if (kind == 0) { // co-owned with a non-relative, half each: not usable under direct-relatives-only / 51%
            return List.of(new Owner(parent, 50), new Owner(Relation.NON_RELATIVE, 50));
        }
        if (kind < 4) {
            return List.of(new Owner(Relation.FATHER, 50), new Owner(Relation.MOTHER, 50));
        }
        return List.of(new Owner(parent, 100));
    }

    private static PropertyFact home(Random r, String id, int n, Address at, PropertyUsage usage, int season,
                                     List<Owner> owners) {
        // mostly years before the season; one in ten dated in July or August of the entry year (after the cut-off)
        LocalDate date = r.nextInt(10) == 0 ? LocalDate.of(season, 7, 1).plusDays(r.nextInt(60))
                : LocalDate.of(season - 12, 1, 1).plusDays(r.nextInt(365 * 11));
        List<PlaceUse> uses = r.nextInt(30) == 0 ? List.of(new PlaceUse(id + "-prev", Grade.G1, season - 2)) : List.of();
        return new PropertyFact(id + "-P" + n, at, usage, date, owners, uses,
                SourceRef.of(RegistrySource.PROPERTY, id + "-P" + n));
    }

    private static RentalFact rental(Random r, String id, Address at, Relation tenant, int season) {
        LocalDate registered = LocalDate.of(season - 3, 1, 1).plusDays(r.nextInt(365 * 3 + 60));
        return new RentalFact(id + "-R", at, tenant, registered, registered.plusYears(2 + r.nextInt(2)),
                SourceRef.of(RegistrySource.RENTAL, id + "-R"));
    }
}
