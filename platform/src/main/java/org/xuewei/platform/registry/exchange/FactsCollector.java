package org.xuewei.platform.registry.exchange;

import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.policy.Address;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.MaritalEventFact;
import org.xuewei.platform.policy.Owner;
import org.xuewei.platform.policy.PreferentialFact;
import org.xuewei.platform.policy.PropertyFact;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.PurchaseContractFact;
import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.policy.RentalFact;
import org.xuewei.platform.policy.ResidencePermitFact;
import org.xuewei.platform.policy.SchoolingFact;
import org.xuewei.platform.policy.SiblingFact;
import org.xuewei.platform.policy.SocialInsuranceFact;
import org.xuewei.platform.policy.SourceRef;
import org.xuewei.platform.registry.EnrollableChild;
import org.xuewei.platform.registry.FactsReport;
import org.xuewei.platform.registry.Household;
import org.xuewei.platform.registry.LookupOutcome;
import org.xuewei.platform.registry.RegistryStatus;
import org.xuewei.platform.registry.ZoneDirectory;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the registries about one child and its family — in two parallel rounds (the child and the guardian first,
 * then the parents' and grandparents' records) — and maps the exchange's records to the policy's {@link ChildFacts}.
 */
public final class FactsCollector {

    private static final String V1 = "/exchange/v1/";

    private final ExchangeClient client;
    private final ZoneDirectory zones;
    private final PersonalData personal;
    private final EvidenceKeeper evidence;

    public FactsCollector(ExchangeClient client, ZoneDirectory zones, PersonalData personal, EvidenceKeeper evidence) {
        this.client = client;
        this.zones = zones;
        this.personal = personal;
        this.evidence = evidence;
    }

    /**
     * The children of enrollment age in the guardian's household(s) for the season, and — asked in parallel — those
     * the birth registry (出生医学证明) names the guardian as mother or father of who are not in the household: the
     * children of parents whose 户籍 is outside the city (随迁子女). The hukou registry decides the outcome; when it
     * holds nothing, the birth registry does.
     */
    public Household household(String guardianId, int season) {
        Call hukou = new Call(RegistrySource.HUKOU, ExchangeLookup.HOUSEHOLDS_OF_PERSON, guardianId, "GUARDIAN");
        Call births = births(guardianId);
        List<EvidenceKeeper.Kept> kept = new ArrayList<>();
        Map<Call, Answered> answers = run(List.of(hukou, births), new ArrayList<>(), kept);
        evidence.keepAll(kept);
        Answered a = answers.get(hukou);
        Answered b = answers.get(births);
        Map<String, EnrollableChild> children = new LinkedHashMap<>();
        if (a.answer().outcome() == LookupOutcome.FOUND) {
            for (JsonNode hh : a.answer().data()) {
                for (JsonNode m : hh.path("members")) {
                    String id = m.path("idNumber").asString();
                    String relation = m.path("relation").asString();
                    if (id.equals(guardianId) || !(HouseholdRelations.isChildWord(relation) || "集体户成员".equals(relation))) {
                        continue;
                    }
                    LocalDate birth = birthDate(id);
                    Grade grade = cohort(birth, season);
                    if (grade != null) {
                        children.putIfAbsent(id, new EnrollableChild(id, m.path("name").asString(), birth, grade));
                    }
                }
            }
        }
        for (JsonNode c : bornTo(b, guardianId)) {
            String id = c.path("idNumber").asString();
            LocalDate birth = Optional.ofNullable(date(c.path("birthDate"))).orElse(birthDate(id));
            Grade grade = cohort(birth, season);
            if (grade != null && !children.containsKey(id)) {
                children.put(id, new EnrollableChild(id, c.path("name").asString(""), birth, grade, RegistrySource.BIRTH));
            }
        }
        LookupOutcome h = a.answer().outcome();
        LookupOutcome outcome = h == LookupOutcome.FOUND ? LookupOutcome.FOUND
                : h == LookupOutcome.UNAVAILABLE || b.answer().outcome() == LookupOutcome.UNAVAILABLE ? LookupOutcome.UNAVAILABLE
                : b.answer().outcome();
        return new Household(outcome, List.copyOf(children.values()));
    }

    private Call births(String parentId) {
        return new Call(RegistrySource.BIRTH, ExchangeLookup.BIRTHS_OF_PARENT, parentId, "GUARDIAN");
    }

    /** The birth records naming the parent as mother or father (the exchange answers only those; checked again). */
    private static List<JsonNode> bornTo(Answered births, String parentId) {
        List<JsonNode> result = new ArrayList<>();
        if (births == null || births.answer().outcome() != LookupOutcome.FOUND) {
            return result;
        }
        for (JsonNode c : births.answer().data()) {
            if (parentId.equals(c.path("motherIdNumber").asString("")) || parentId.equals(c.path("fatherIdNumber").asString(""))) {
                result.add(c);
            }
        }
        return result;
    }

    /** The parent's birth record of the child, or null. */
    private static JsonNode birthRecord(Answered births, String parentId, String childId) {
        for (JsonNode c : bornTo(births, parentId)) {
            if (childId.equals(c.path("idNumber").asString())) {
                return c;
            }
        }
        return null;
    }

    /**
     * A child outside the guardian's household, added by ID number: found only if the hukou registry shows the
     * guardian — or the guardian's spouse in the marriage registry, after a divorce — as the child's parent (or a
     * grandparent as householder) in the child's household, and the child is of enrollment age this season.
     */
    public Household guardianship(String guardianId, String childId, int season) {
        Call cHukou = new Call(RegistrySource.HUKOU, ExchangeLookup.HOUSEHOLDS_OF_PERSON, childId, "CHILD");
        Call gCivil = new Call(RegistrySource.CIVIL_AFFAIRS, ExchangeLookup.CIVIL_AFFAIRS_OF_PERSON, guardianId, "GUARDIAN");
        Call gBirths = births(guardianId);
        List<EvidenceKeeper.Kept> kept = new ArrayList<>();
        Map<Call, Answered> answers = run(List.of(cHukou, gCivil, gBirths), new ArrayList<>(), kept);
        evidence.keepAll(kept);
        Grade grade = cohort(birthDate(childId), season);
        JsonNode born = birthRecord(answers.get(gBirths), guardianId, childId);
        if (born != null && grade != null) {
            // 出生医学证明 names the guardian as the child's mother or father
            return new Household(LookupOutcome.FOUND, List.of(new EnrollableChild(childId, born.path("name").asString(""),
                    birthDate(childId), grade, RegistrySource.BIRTH)));
        }
        Answered hukou = answers.get(cHukou);
        if (hukou.answer().outcome() == LookupOutcome.UNAVAILABLE || answers.get(gCivil).answer().outcome() == LookupOutcome.UNAVAILABLE) {
            return new Household(LookupOutcome.UNAVAILABLE, List.of());
        }
        JsonNode hh = householdOf(hukou, childId);
        if (hh == null && answers.get(gBirths).answer().outcome() == LookupOutcome.UNAVAILABLE) {
            return new Household(LookupOutcome.UNAVAILABLE, List.of());
        }
        if (hh == null || grade == null) {
            return new Household(LookupOutcome.NOT_FOUND, List.of());
        }
        String childToHead = relationIn(hh, childId);
        String headId = headOf(hh);
        Set<String> guardians = new LinkedHashSet<>();
        for (JsonNode m : hh.path("members")) {
            String id = m.path("idNumber").asString();
            Relation r = HouseholdRelations.toChild(childToHead, m.path("relation").asString(), id, headId, Map.of());
            if (r.isParent() || (r.isGrandparent() && id.equals(headId))) {
                guardians.add(id);
            }
        }
        String spouse = latestSpouse(answers.get(gCivil));
        if (!guardians.contains(guardianId) && (spouse == null || !guardians.contains(spouse) || !HouseholdRelations.isChildWord(childToHead))) {
            return new Household(LookupOutcome.NOT_FOUND, List.of());
        }
        return new Household(LookupOutcome.FOUND, List.of(new EnrollableChild(childId, nameIn(hh, childId), birthDate(childId), grade)));
    }

    /** G1: six by 31 August of the season; G7: born a school generation earlier (graduating from primary). */
    public static Grade cohort(LocalDate birth, int season) {
        if (birth == null) {
            return null;
        }
        if (!birth.isBefore(LocalDate.of(season - 7, 9, 1)) && !birth.isAfter(LocalDate.of(season - 6, 8, 31))) {
            return Grade.G1;
        }
        if (!birth.isBefore(LocalDate.of(season - 13, 9, 1)) && !birth.isAfter(LocalDate.of(season - 12, 8, 31))) {
            return Grade.G7;
        }
        return null;
    }

    /** The birth date an ID number states, or null. */
    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Everything the registries hold about the child and its family. */
    public FactsReport facts(String guardianId, String childId, Grade grade, int season) {
        List<RegistryStatus> statuses = new ArrayList<>();
        // every answer's evidence snapshot, written once at the end of the check (one insert, not one per round)
        List<EvidenceKeeper.Kept> kept = new ArrayList<>();
        // round 1: the child and the guardian
        Call gHukou = new Call(RegistrySource.HUKOU, ExchangeLookup.HOUSEHOLDS_OF_PERSON, guardianId, "GUARDIAN");
        Call gCivil = new Call(RegistrySource.CIVIL_AFFAIRS, ExchangeLookup.CIVIL_AFFAIRS_OF_PERSON, guardianId, "GUARDIAN");
        Call cHukou = new Call(RegistrySource.HUKOU, ExchangeLookup.HOUSEHOLDS_OF_PERSON, childId, "CHILD");
        Call cPerson = new Call(RegistrySource.HUKOU, ExchangeLookup.PERSON, childId, "CHILD");
        Call cPref = new Call(RegistrySource.PREFERENTIAL, ExchangeLookup.PREFERENTIAL_OF_PERSON, childId, "CHILD");
        Call cProperty = new Call(RegistrySource.PROPERTY, ExchangeLookup.UNITS_OF_PERSON, childId, "CHILD");
        // asked with the others so that a check is two round trips; kept as evidence only when it is needed (below)
        Call gBirths = births(guardianId);
        List<Call> round1 = new ArrayList<>(List.of(gHukou, gCivil, cHukou, cPerson, cPref, cProperty));
        Call cStudent = null;
        if (grade == Grade.G7) {
            cStudent = new Call(RegistrySource.STUDENT_REGISTRY, ExchangeLookup.STUDENT_STATUS_OF_PERSON, childId, "CHILD");
            round1.add(cStudent);
        }
        List<Call> asked = new ArrayList<>(round1);
        asked.add(gBirths);
        Map<Call, Answered> r1 = ask(asked);
        keep(round1.stream().map(r1::get).toList(), statuses, kept);

        // who is who
        Map<String, Relation> known = new HashMap<>();
        known.put(childId, Relation.CHILD);
        JsonNode childHousehold = householdOf(r1.get(cHukou), childId);
        if (childHousehold == null) {
            childHousehold = householdOf(r1.get(gHukou), childId);
        }
        // no household in the city (随迁子女): the birth registry names the parents
        JsonNode born = null;
        if (childHousehold == null) {
            keep(List.of(r1.get(gBirths)), statuses, kept);
            born = birthRecord(r1.get(gBirths), guardianId, childId);
        }
        String childToHead = childHousehold == null ? "" : relationIn(childHousehold, childId);
        String headId = childHousehold == null ? null : headOf(childHousehold);
        Relation guardianRelation = born != null
                ? (guardianId.equals(born.path("fatherIdNumber").asString("")) ? Relation.FATHER : Relation.MOTHER)
                : childHousehold != null && relationIn(childHousehold, guardianId) != null
                ? HouseholdRelations.toChild(childToHead, relationIn(childHousehold, guardianId), guardianId, headId, Map.of())
                : HouseholdRelations.male(guardianId) ? Relation.FATHER : Relation.MOTHER;
        if (guardianRelation == Relation.NON_RELATIVE || guardianRelation == Relation.OTHER_RELATIVE) {
            guardianRelation = HouseholdRelations.male(guardianId) ? Relation.FATHER : Relation.MOTHER;
        }
        known.put(guardianId, guardianRelation);
        String spouseId = null;
        String otherParent = born == null ? ""
                : born.path(guardianRelation == Relation.FATHER ? "motherIdNumber" : "fatherIdNumber").asString("");
        if (!otherParent.isEmpty()) {
            known.put(otherParent, guardianRelation == Relation.FATHER ? Relation.MOTHER : Relation.FATHER);
        } else if (guardianRelation.isParent()) {
            spouseId = latestSpouse(r1.get(gCivil));
            if (spouseId != null) {
                known.put(spouseId, guardianRelation == Relation.FATHER ? Relation.MOTHER : Relation.FATHER);
            }
        }
        if (childHousehold != null) {
            for (JsonNode m : childHousehold.path("members")) {
                String id = m.path("idNumber").asString();
                Relation r = HouseholdRelations.toChild(childToHead, m.path("relation").asString(), id, headId, known);
                if ((r.isParent() && !known.containsValue(r)) || r.isGrandparent()) {
                    known.putIfAbsent(id, r);
                }
            }
        }

        // round 2: parents' and grandparents' records
        List<Call> round2 = new ArrayList<>();
        Map<String, Call> parentHukou = new HashMap<>();
        for (Map.Entry<String, Relation> p : known.entrySet()) {
            String id = p.getKey();
            String who = p.getValue().name();
            if (p.getValue().isParent()) {
                round2.add(new Call(RegistrySource.PROPERTY, ExchangeLookup.UNITS_OF_PERSON, id, who));
                round2.add(new Call(RegistrySource.PURCHASE_CONTRACT, ExchangeLookup.CONTRACTS_OF_PERSON, id, who));
                round2.add(new Call(RegistrySource.RENTAL, ExchangeLookup.RENTALS_OF_PERSON, id, who));
                round2.add(new Call(RegistrySource.RESIDENCE_PERMIT, ExchangeLookup.PERMITS_OF_PERSON, id, who));
                round2.add(new Call(RegistrySource.SOCIAL_INSURANCE, ExchangeLookup.INSURANCE_OF_PERSON, id, who));
                round2.add(new Call(RegistrySource.PREFERENTIAL, ExchangeLookup.PREFERENTIAL_OF_PERSON, id, who));
                if (!id.equals(guardianId)) {
                    Call h = new Call(RegistrySource.HUKOU, ExchangeLookup.HOUSEHOLDS_OF_PERSON, id, who);
                    parentHukou.put(id, h);
                    round2.add(h);
                    round2.add(new Call(RegistrySource.CIVIL_AFFAIRS, ExchangeLookup.CIVIL_AFFAIRS_OF_PERSON, id, who));
                }
            } else if (p.getValue().isGrandparent()) {
                round2.add(new Call(RegistrySource.PROPERTY, ExchangeLookup.UNITS_OF_PERSON, id, who));
            }
        }
        Map<Call, Answered> r2 = run(round2, statuses, kept);
        List<Answered> all = new ArrayList<>(r1.values());
        all.addAll(r2.values());

        // map
        List<HukouFact> hukous = new ArrayList<>();
        List<SiblingFact> siblings = new ArrayList<>();
        if (childHousehold != null) {
            hukous.add(hukou(childHousehold, Relation.CHILD, childId, known, Relation.CHILD, "CHILD".equals(childToHead) ? "" : childToHead, ""));
            LocalDate birth = birthDate(childId);
            for (JsonNode m : childHousehold.path("members")) {
                String id = m.path("idNumber").asString();
                if (!id.equals(childId) && HouseholdRelations.isChildWord(m.path("relation").asString()) && !known.containsKey(id)) {
                    siblings.add(new SiblingFact(personal.lookupHash(id), birth != null && birth.equals(birthDate(id)), true, ""));
                }
            }
        }
        for (Map.Entry<String, Relation> p : known.entrySet()) {
            if (!p.getValue().isParent()) {
                continue;
            }
            Answered answered = p.getKey().equals(guardianId) ? r1.get(gHukou) : r2.get(parentHukou.get(p.getKey()));
            JsonNode hh = householdOf(answered, p.getKey());
            if (hh != null) {
                hukous.add(hukou(hh, p.getValue(), p.getKey(), known, p.getValue(), relationIn(hh, childId) == null ? null : relationIn(hh, childId), relationIn(hh, p.getKey())));
            }
        }
        List<PropertyFact> properties = new ArrayList<>();
        List<PurchaseContractFact> contracts = new ArrayList<>();
        List<RentalFact> rentals = new ArrayList<>();
        List<ResidencePermitFact> permits = new ArrayList<>();
        List<SocialInsuranceFact> insurance = new ArrayList<>();
        Map<String, MaritalEventFact> marital = new LinkedHashMap<>();
        List<PreferentialFact> preferential = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        SchoolingFact schooling = null;
        for (Answered a : all) {
            if (a.answer().outcome() != LookupOutcome.FOUND) {
                continue;
            }
            Relation who = known.getOrDefault(a.call().key(), Relation.OTHER_RELATIVE);
            JsonNode data = a.answer().data();
            switch (a.call().registry()) {
                case "PROPERTY" -> data.forEach(u -> {
                    if (seen.add("P" + u.path("unitNo").asString())) {
                        properties.add(property(u, known));
                    }
                });
                case "CONTRACT" -> data.forEach(c -> {
                    if (seen.add("C" + c.path("contractNo").asString())) {
                        contracts.add(contract(c, known));
                    }
                });
                case "RENTAL" -> data.forEach(r -> {
                    if (seen.add("R" + r.path("registrationNo").asString())) {
                        rentals.add(new RentalFact(r.path("registrationNo").asString(), address(r),
                                known.getOrDefault(r.path("tenantIdNumber").asString(), who),
                                date(r.path("registeredOn")), date(r.path("endsOn")),
                                SourceRef.of(RegistrySource.RENTAL, r.path("registrationNo").asString())));
                    }
                });
                case "RESIDENCE_PERMIT" -> data.forEach(p -> permits.add(new ResidencePermitFact(p.path("permitNo").asString(),
                        who, p.path("districtCode").asString("").length() >= 4 ? p.path("districtCode").asString().substring(0, 4) : "",
                        date(p.path("issuedOn")), date(p.path("validUntil")),
                        SourceRef.of(RegistrySource.RESIDENCE_PERMIT, p.path("permitNo").asString()), address(p))));
                case "SOCIAL_INSURANCE" -> data.forEach(s -> insurance.add(new SocialInsuranceFact(who,
                        s.path("insuranceType").asString(), s.path("monthsPaid").asInt(),
                        month(s.path("firstPaidMonth")), month(s.path("lastPaidMonth")),
                        SourceRef.of(RegistrySource.SOCIAL_INSURANCE, s.path("insuranceType").asString()))));
                case "CIVIL_AFFAIRS" -> data.path("maritalEvents").forEach(e -> {
                    MaritalEventFact.Kind kind = "离婚".equals(e.path("event").asString())
                            ? MaritalEventFact.Kind.DIVORCE : MaritalEventFact.Kind.MARRIAGE;
                    LocalDate on = date(e.path("eventOn"));
                    if (on != null) {
                        marital.putIfAbsent(kind + "|" + on, new MaritalEventFact(who, kind, on,
                                SourceRef.of(RegistrySource.CIVIL_AFFAIRS, e.path("office").asString(""))));
                    }
                });
                case "PREFERENTIAL" -> data.forEach(p -> {
                    LocalDate until = date(p.path("validUntil"));
                    if (until == null || !until.isBefore(LocalDate.of(season, 1, 1))) {
                        preferential.add(new PreferentialFact(preferentialCode(p), p.path("department").asString(""),
                                SourceRef.of(RegistrySource.PREFERENTIAL, p.path("recordNo").asString())));
                    }
                });
                case "STUDENT_STATUS" -> {
                    if (data.size() > 0) {
                        JsonNode s = data.get(0);
                        schooling = new SchoolingFact(s.path("studentNo").asString(), s.path("schoolCode").asString(),
                                s.path("schoolCode").asString("").length() >= 6 ? s.path("schoolCode").asString().substring(0, 6) : null,
                                graduation(s.path("graduatesIn"), season),
                                SourceRef.of(RegistrySource.STUDENT_REGISTRY, s.path("studentNo").asString()));
                    }
                }
                default -> {
                }
            }
        }

        List<String> missing = new ArrayList<>();
        // a child without a household in the city is expected only when the guardian has none either (随迁子女 with a
        // birth record); a local family's child missing from 户籍 stays a gap to review
        boolean migrant = born != null && r1.get(gHukou).answer().outcome() == LookupOutcome.NOT_FOUND;
        if (childHousehold == null && !migrant && r1.get(cHukou).answer().outcome() != LookupOutcome.UNAVAILABLE) {
            missing.add("CHILD_HUKOU");
        }
        if (childHousehold != null && !"集体户".equals(childHousehold.path("kind").asString())
                && known.containsKey(headId) && properties.isEmpty() && contracts.isEmpty() && rentals.isEmpty()
                && permits.isEmpty() && statuses.stream().noneMatch(s -> s.outcome() == LookupOutcome.UNAVAILABLE)) {
            missing.add("PROPERTY_AT_HUKOU");
        }
        LocalDate birth = Optional.ofNullable(r1.get(cPerson).answer().data())
                .map(d -> date(d.path("birthDate"))).orElse(birthDate(childId));
        String name = Optional.ofNullable(r1.get(cPerson).answer().data()).map(d -> d.path("name").asString(""))
                .orElse(childHousehold != null ? nameIn(childHousehold, childId) : born != null ? born.path("name").asString("") : "");
        ChildFacts facts = new ChildFacts(personal.lookupHash(childId), birth, grade, hukous, properties, contracts, rentals,
                permits, insurance, List.copyOf(marital.values()), schooling, preferential, siblings);
        return new FactsReport(facts, name, statuses, evidence.keepAll(kept), missing);
    }

    private HukouFact hukou(JsonNode hh, Relation holder, String holderId, Map<String, Relation> known, Relation holderRel,
                            String childToHead, String holderToHead) {
        String headId = headOf(hh);
        boolean collective = "集体户".equals(hh.path("kind").asString());
        Relation householder;
        Set<Relation> members = EnumSet.noneOf(Relation.class);
        if (childToHead != null && !childToHead.isEmpty()) {
            householder = headId == null ? Relation.NON_RELATIVE
                    : HouseholdRelations.toChild(childToHead, "户主", headId, headId, known);
            for (JsonNode m : hh.path("members")) {
                String id = m.path("idNumber").asString();
                members.add(HouseholdRelations.toChild(childToHead, m.path("relation").asString(), id, headId, known));
            }
        } else {
            householder = headId == null ? Relation.NON_RELATIVE : known.getOrDefault(headId, Relation.OTHER_RELATIVE);
            for (JsonNode m : hh.path("members")) {
                members.add(known.getOrDefault(m.path("idNumber").asString(), Relation.OTHER_RELATIVE));
            }
        }
        members.add(holder);
        LocalDate movedIn = null;
        for (JsonNode m : hh.path("members")) {
            if (m.path("idNumber").asString().equals(holderId)) {
                movedIn = date(m.path("movedInOn"));
            }
        }
        if (movedIn == null) {
            movedIn = date(hh.path("establishedOn"));
        }
        return new HukouFact(holder, address(hh), householder, collective, movedIn, members,
                SourceRef.of(RegistrySource.HUKOU, hh.path("householdNo").asString()));
    }

    private PropertyFact property(JsonNode u, Map<String, Relation> known) {
        List<Owner> owners = new ArrayList<>();
        for (JsonNode o : u.path("owners")) {
            owners.add(new Owner(known.getOrDefault(o.path("idNumber").asString(), Relation.NON_RELATIVE),
                    o.path("sharePercent").asDouble()));
        }
        return new PropertyFact(u.path("certificateNo").asString(), address(u), usage(u.path("usage").asString()),
                date(u.path("registeredOn")), owners, List.of(),
                SourceRef.of(RegistrySource.PROPERTY, u.path("unitNo").asString()));
    }

    private PurchaseContractFact contract(JsonNode c, Map<String, Relation> known) {
        List<Owner> buyers = new ArrayList<>();
        int n = Math.max(1, c.path("buyers").size());
        for (JsonNode b : c.path("buyers")) {
            buyers.add(new Owner(known.getOrDefault(b.path("idNumber").asString(), Relation.NON_RELATIVE),
                    Math.round(10000.0 / n) / 100.0));
        }
        return new PurchaseContractFact(c.path("contractNo").asString(), address(c), PropertyUsage.RESIDENTIAL,
                date(c.path("signedOn")), c.path("delivered").asBoolean(false), date(c.path("deliveredOn")), buyers, List.of(),
                SourceRef.of(RegistrySource.PURCHASE_CONTRACT, c.path("contractNo").asString()));
    }

    private Address address(JsonNode n) {
        String community = n.path("communityCode").asString("");
        return new Address(n.path("address").asString(""), n.path("districtCode").asString(""), community,
                community.isEmpty() ? Set.of() : zones.zoneSchools(community));
    }

    static PropertyUsage usage(String label) {
        return switch (label) {
            case "住宅" -> PropertyUsage.RESIDENTIAL;
            case "公寓" -> PropertyUsage.APARTMENT;
            case "商住" -> PropertyUsage.COMMERCIAL_RESIDENTIAL;
            case "办公" -> PropertyUsage.OFFICE;
            case "车库", "车位" -> PropertyUsage.GARAGE;
            default -> PropertyUsage.COMMERCIAL;
        };
    }

    static String preferentialCode(JsonNode p) {
        String category = p.path("category").asString("");
        String detail = p.path("detail").asString("");
        return switch (category) {
            case "现役军人" -> "ACTIVE_MILITARY";
            case "公安民警" -> "POLICE_HERO";
            case "消防救援人员" -> "FIREFIGHTER";
            case "烈士子女" -> "MARTYR";
            case "高层次人才" -> detail.isEmpty() ? "TALENT" : "TALENT_" + detail.charAt(0);
            case "归侨子女", "华侨子女" -> "OVERSEAS_CHINESE";
            default -> category;
        };
    }

    private static String latestSpouse(Answered civil) {
        if (civil == null || civil.answer().outcome() != LookupOutcome.FOUND) {
            return null;
        }
        String spouse = null;
        for (JsonNode e : civil.answer().data().path("maritalEvents")) {
            if ("结婚".equals(e.path("event").asString())) {
                spouse = e.path("spouseIdNumber").asString(null);
            }
        }
        return spouse;
    }

    private static JsonNode householdOf(Answered a, String id) {
        if (a == null || a.answer().outcome() != LookupOutcome.FOUND) {
            return null;
        }
        for (JsonNode hh : a.answer().data()) {
            if (relationIn(hh, id) != null) {
                return hh;
            }
        }
        return null;
    }

    private static String relationIn(JsonNode hh, String id) {
        for (JsonNode m : hh.path("members")) {
            if (m.path("idNumber").asString().equals(id)) {
                return m.path("relation").asString();
            }
        }
        return null;
    }

    private static String nameIn(JsonNode hh, String id) {
        for (JsonNode m : hh.path("members")) {
            if (m.path("idNumber").asString().equals(id)) {
                return m.path("name").asString("");
            }
        }
        return "";
    }

    private static String headOf(JsonNode hh) {
        for (JsonNode m : hh.path("members")) {
            if ("户主".equals(m.path("relation").asString())) {
                return m.path("idNumber").asString();
            }
        }
        return null;
    }

    private static LocalDate date(JsonNode n) {
        String s = n == null ? "" : n.asString("");
        try {
            return s.isEmpty() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LocalDate month(JsonNode n) {
        String s = n.asString("");
        return s.length() == 7 ? LocalDate.parse(s + "-01") : date(n);
    }

    /** One round: every call in one batch (one round trip), the answers added to the evidence to keep. */
    private Map<Call, Answered> run(List<Call> calls, List<RegistryStatus> statuses, List<EvidenceKeeper.Kept> kept) {
        Map<Call, Answered> answers = ask(calls);
        keep(answers.values(), statuses, kept);
        return answers;
    }

    private Map<Call, Answered> ask(List<Call> calls) {
        List<ExchangeClient.Answer> answers = client.batch(calls.stream()
                .map(c -> new ExchangeClient.Item(c.lookup(), c.key())).toList()).join();
        Map<Call, Answered> byCall = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            byCall.put(calls.get(i), new Answered(calls.get(i), answers.get(i)));
        }
        return byCall;
    }

    private void keep(java.util.Collection<Answered> answers, List<RegistryStatus> statuses, List<EvidenceKeeper.Kept> kept) {
        for (Answered a : answers) {
            Call c = a.call();
            statuses.add(new RegistryStatus(c.source(), c.operation(), c.subject(), a.answer().outcome()));
            kept.add(new EvidenceKeeper.Kept(a.answer(), c.source(), c.operation(), personal.lookupHash(c.key())));
        }
    }

    private record Answered(Call call, ExchangeClient.Answer answer) {
    }

    private record Call(RegistrySource source, ExchangeLookup lookup, String key, String subject) {

        String registry() {
            return lookup.registry();
        }

        /** The look-up as evidence names it: the exchange's GET of the same record. */
        String operation() {
            return "GET " + V1 + lookup.path() + "{id}";
        }
    }

    /**
     * 学籍's graduation ({@code graduatesIn}: the exchange answers a year-month such as {@code "2027-07"}; a bare year
     * is read as June of that year): the last day of that month when it falls in or before the season's year, else
     * {@code null} (not graduating this season).
     */
    static LocalDate graduation(JsonNode graduatesIn, int season) {
        if (graduatesIn == null || graduatesIn.isMissingNode() || graduatesIn.isNull()) {
            return null;
        }
        java.time.YearMonth month;
        String text = graduatesIn.isNumber() ? Integer.toString(graduatesIn.asInt()) : graduatesIn.asString("").trim();
        try {
            month = text.matches("\\d{4}") ? java.time.YearMonth.of(Integer.parseInt(text), 6)
                    : java.time.YearMonth.parse(text.length() > 7 ? text.substring(0, 7) : text);
        } catch (RuntimeException malformed) {
            return null;
        }
        return month.getYear() <= season ? month.atEndOfMonth() : null;
    }
}
