package org.xuewei.platform.policy.cel;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xuewei.platform.policy.Address;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.EvidenceNote;
import org.xuewei.platform.policy.EvidenceRules;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.Owner;
import org.xuewei.platform.policy.PlaceUse;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PropertyFact;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.PurchaseContractFact;
import org.xuewei.platform.policy.Relation;
import org.xuewei.platform.policy.RentalFact;
import org.xuewei.platform.policy.ResidencePermitFact;
import org.xuewei.platform.policy.SiblingFact;
import org.xuewei.platform.policy.SocialInsuranceFact;
import org.xuewei.platform.policy.SourceRef;

/**
 * Applies a policy's evidence rules to a child's facts and lays the result out as the CEL variables of
 * {@link FactTypes}: plain maps, lists, strings, longs and booleans.
 */
public final class FactsBinder {

    /** The bound variables, and how each registry record was judged. */
    public record Bound(Map<String, Object> variables, List<EvidenceNote> evidence, int ageAtCutoff,
                        LocalDate hukouMoveInDate) {
    }

    private final Policy policy;
    private final EvidenceRules rules;
    private final Set<String> urban;
    private final Map<String, Object> params;

    public FactsBinder(Policy policy) {
        this.policy = policy;
        this.rules = policy.evidence();
        this.urban = Set.copyOf(rules.urbanDistricts());
        Map<String, Object> p = new HashMap<>();
        p.put("season", (long) policy.season());
        p.put("ageCutoff", iso(policy.eligibility().ageCutoff()));
        p.put("certificateCutoff", iso(rules.certificateCutoff()));
        p.put("rentalCutoff", iso(rules.rentalCutoff()));
        p.put("permitCutoff", iso(rules.permitCutoff()));
        p.put("insuranceCutoff", iso(rules.insuranceCutoff()));
        p.put("validOn", iso(rules.validOn()));
        this.params = Map.copyOf(p);
    }

    public Bound bind(ChildFacts facts, String schoolId, String districtCode, boolean withNotes) {
        List<EvidenceNote> notes = withNotes ? new ArrayList<>() : null;
        Map<String, Object> vars = new HashMap<>(16);
        int age = facts.ageOn(policy.eligibility().ageCutoff());

        Map<String, Object> child = new HashMap<>(8);
        child.put("id", facts.childId());
        child.put("grade", facts.grade().name());
        child.put("birthDate", iso(facts.birthDate()));
        child.put("ageAtCutoff", (long) age);
        var schooling = facts.schooling();
        child.put("graduated", schooling != null && schooling.graduationDate() != null
                && !schooling.graduationDate().isAfter(policy.eligibility().ageCutoff()));
        child.put("primarySchool", schooling == null || schooling.schoolId() == null ? "" : schooling.schoolId());
        child.put("primaryDistrict", schooling == null || schooling.districtCode() == null ? "" : schooling.districtCode());
        vars.put("child", child);

        HukouFact own = facts.hukouOf(Relation.CHILD).orElse(null);
        vars.put("hukou", hukou(own, Relation.CHILD, schoolId, districtCode));
        List<Object> parents = new ArrayList<>(2);
        for (HukouFact h : facts.hukous()) {
            if (h.holder().isParent()) {
                parents.add(hukou(h, h.holder(), schoolId, districtCode));
            }
        }
        vars.put("parentHukous", parents);

        Set<String> exemptChildren = new HashSet<>();
        if (policy.propertyLock() != null && policy.propertyLock().siblingExempt()) {
            for (SiblingFact s : facts.siblings()) {
                if (s.sameParents()) {
                    exemptChildren.add(s.childId());
                }
            }
        }
        List<Object> homes = new ArrayList<>(facts.properties().size() + facts.contracts().size());
        for (PropertyFact p : facts.properties()) {
            homes.add(home(facts, p.certificateNo(), "CERTIFICATE", p.address(), p.usage(), p.certificateDate(), true,
                    p.owners(), p.placeUses(), exemptChildren, schoolId, districtCode, p.source(), notes));
        }
        for (PurchaseContractFact c : facts.contracts()) {
            homes.add(home(facts, c.contractNo(), "CONTRACT", c.address(), c.usage(), c.signedDate(), c.delivered(),
                    c.buyers(), c.placeUses(), exemptChildren, schoolId, districtCode, c.source(), notes));
        }
        vars.put("homes", homes);

        List<Object> rentals = new ArrayList<>(facts.rentals().size());
        for (RentalFact r : facts.rentals()) {
            List<String> problems = new ArrayList<>(2);
            if (rules.rentalCutoff() != null && r.registeredDate().isAfter(rules.rentalCutoff())) {
                problems.add("租赁备案日期" + cn(r.registeredDate()) + "晚于" + cn(rules.rentalCutoff()));
            }
            if (rules.validOn() != null && r.endDate().isBefore(rules.validOn())) {
                problems.add("租赁已于" + cn(r.endDate()) + "到期");
            }
            Map<String, Object> m = new HashMap<>(12);
            m.put("id", nz(r.registrationNo()));
            m.put("tenant", r.tenant().name());
            m.put("registeredDate", iso(r.registeredDate()));
            m.put("endDate", iso(r.endDate()));
            located(m, r.address(), schoolId, districtCode);
            m.put("usable", problems.isEmpty());
            rentals.add(m);
            note(notes, r.source(), "租赁备案", problems);
        }
        vars.put("rentals", rentals);

        List<Object> permits = new ArrayList<>(facts.permits().size());
        for (ResidencePermitFact p : facts.permits()) {
            List<String> problems = new ArrayList<>(2);
            if (rules.permitCutoff() != null && p.issueDate().isAfter(rules.permitCutoff())) {
                problems.add("居住证签发日期" + cn(p.issueDate()) + "晚于" + cn(rules.permitCutoff()));
            }
            if (rules.validOn() != null && p.validUntil().isBefore(rules.validOn())) {
                problems.add("居住证已于" + cn(p.validUntil()) + "过期");
            }
            permits.add(Map.of("id", nz(p.permitNo()), "holder", p.holder().name(), "city", p.cityCode(),
                    "issueDate", iso(p.issueDate()), "validUntil", iso(p.validUntil()), "usable", problems.isEmpty()));
            note(notes, p.source(), "居住证", problems);
        }
        vars.put("permits", permits);

        List<Object> insurance = new ArrayList<>(facts.insurance().size());
        for (SocialInsuranceFact s : facts.insurance()) {
            List<String> problems = new ArrayList<>(1);
            if (rules.insuranceCutoff() != null && s.firstPaid().isAfter(rules.insuranceCutoff())) {
                problems.add("社保起缴日期" + cn(s.firstPaid()) + "晚于" + cn(rules.insuranceCutoff()));
            }
            insurance.add(Map.of("holder", s.holder().name(), "kind", s.kind(), "months", (long) s.months(),
                    "firstPaid", iso(s.firstPaid()), "lastPaid", iso(s.lastPaid()), "usable", problems.isEmpty()));
            note(notes, s.source(), "社保", problems);
        }
        vars.put("insurance", insurance);

        List<Object> marital = new ArrayList<>(facts.maritalEvents().size());
        facts.maritalEvents().forEach(e -> marital.add(Map.of("person", e.person().name(), "kind", e.kind().name(),
                "date", iso(e.date()))));
        vars.put("marital", marital);

        List<Object> preferential = new ArrayList<>(facts.preferential().size());
        facts.preferential().forEach(p -> preferential.add(p.category()));
        vars.put("preferential", preferential);

        List<Object> siblings = new ArrayList<>(facts.siblings().size());
        for (SiblingFact s : facts.siblings()) {
            siblings.add(Map.of("id", s.childId(), "twin", s.twin(), "sameParents", s.sameParents(),
                    "school", nz(s.schoolId()), "atTarget", schoolId.equals(s.schoolId())));
        }
        vars.put("siblings", siblings);
        vars.put("target", Map.of("school", schoolId, "district", nz(districtCode)));
        vars.put("policy", params);
        return new Bound(vars, notes == null ? List.of() : notes, age, own == null ? null : own.moveInDate());
    }

    private Map<String, Object> hukou(HukouFact h, Relation holder, String schoolId, String districtCode) {
        Map<String, Object> m = new HashMap<>(16);
        m.put("holder", holder.name());
        m.put("registered", h != null);
        if (h == null) {
            m.put("district", "");
            m.put("community", "");
            m.put("householder", "");
            m.put("collective", false);
            m.put("moveInDate", "");
            m.put("yearsAtAddress", 0L);
            m.put("members", List.of());
            m.put("withParent", false);
            m.put("inZone", false);
            m.put("inDistrict", false);
            m.put("inUrban", false);
            return m;
        }
        m.put("householder", h.householder().name());
        m.put("collective", h.collective());
        m.put("moveInDate", iso(h.moveInDate()));
        LocalDate on = rules.certificateCutoff() != null ? rules.certificateCutoff() : policy.eligibility().ageCutoff();
        m.put("yearsAtAddress", (long) Math.max(0, Period.between(h.moveInDate(), on).getYears()));
        List<Object> members = new ArrayList<>(h.members().size());
        boolean withParent = false;
        for (Relation r : h.members()) {
            members.add(r.name());
            withParent |= r.isParent();
        }
        m.put("members", members);
        m.put("community", h.address().communityCode());
        m.put("withParent", withParent);
        located(m, h.address(), schoolId, districtCode);
        return m;
    }

    private void located(Map<String, Object> m, Address a, String schoolId, String districtCode) {
        m.put("district", a.districtCode());
        m.put("inZone", a.inZoneOf(schoolId));
        m.put("inDistrict", a.districtCode().equals(districtCode));
        m.put("inUrban", urban.contains(a.districtCode()));
    }

    private Map<String, Object> home(ChildFacts facts, String id, String kind, Address address, PropertyUsage usage,
                                     LocalDate date, boolean delivered, List<Owner> owners, List<PlaceUse> uses,
                                     Set<String> exempt, String schoolId, String districtCode, SourceRef source,
                                     List<EvidenceNote> notes) {
        List<String> problems = new ArrayList<>(3);
        boolean contract = kind.equals("CONTRACT");
        if (contract && !rules.contractCountsAsCertificate()) {
            problems.add("本政策不认可网签购房合同");
        }
        if (contract && rules.contractRequiresDelivery() && !delivered) {
            problems.add("网签购房合同对应房屋尚未交房入住");
        }
        if (!rules.acceptedUsages().contains(usage)) {
            problems.add("房屋用途为" + usage.label() + "，不予认定");
        }
        if (rules.certificateCutoff() != null && date.isAfter(rules.certificateCutoff())) {
            problems.add((contract ? "合同签订日期" : "证书日期") + cn(date) + "晚于" + cn(rules.certificateCutoff()));
        }
        List<Object> ownerMaps = new ArrayList<>(owners.size());
        double familyShare = 0;
        double mainShare = -1;
        String mainOwner = "";
        boolean childOrParent = false;
        boolean grandparent = false;
        boolean nonDirect = false;
        for (Owner o : owners) {
            Relation r = o.relation();
            ownerMaps.add(Map.of("relation", r.name(), "share", o.sharePercent(), "direct", r.isDirect(),
                    "parentOrChild", r == Relation.CHILD || r.isParent(), "grandparent", r.isGrandparent()));
            if (r.isDirect()) {
                familyShare += o.sharePercent();
                if (o.sharePercent() > mainShare) {
                    mainShare = o.sharePercent();
                    mainOwner = r.name();
                }
            } else {
                nonDirect = true;
            }
            childOrParent |= r == Relation.CHILD || r.isParent();
            grandparent |= r.isGrandparent();
        }
        familyShare = Math.round(familyShare * 100) / 100.0;
        if (rules.directRelativesOnly() && nonDirect) {
            problems.add("与非直系亲属共有，不予认定");
        }
        if (familyShare < rules.minFamilySharePercent()) {
            problems.add("家庭成员合计产权份额" + percent(familyShare) + "%，低于" + rules.minFamilySharePercent() + "%");
        }
        boolean locked = false;
        int lockYears = policy.propertyLock() == null ? 0 : policy.propertyLock().yearsFor(facts.grade());
        for (PlaceUse u : uses) {
            if (u.grade() == facts.grade() && policy.season() - u.year() < lockYears
                    && !u.childId().equals(facts.childId()) && !exempt.contains(u.childId())) {
                locked = true;
                problems.add("该房产已于" + u.year() + "年用于入学，锁定" + lockYears + "年");
                break;
            }
        }
        Map<String, Object> m = new HashMap<>(24);
        m.put("id", nz(id));
        m.put("kind", kind);
        m.put("usage", usage.name());
        m.put("residential", usage == PropertyUsage.RESIDENTIAL);
        m.put("date", iso(date));
        m.put("delivered", delivered);
        m.put("owners", ownerMaps);
        m.put("familyShare", familyShare);
        m.put("ownedByChildOrParent", childOrParent);
        m.put("ownedByGrandparent", grandparent);
        m.put("mainOwner", mainOwner);
        located(m, address, schoolId, districtCode);
        m.put("locked", locked);
        m.put("usable", problems.isEmpty());
        m.put("problems", List.copyOf(problems));
        note(notes, source, contract ? "网签购房合同" : "不动产权证", problems);
        return m;
    }

    private static void note(List<EvidenceNote> notes, SourceRef source, String what, List<String> problems) {
        if (notes != null) {
            notes.add(new EvidenceNote(source, what, problems.isEmpty(), problems));
        }
    }

    private static String iso(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    static String cn(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
