package org.xuewei.platform.policy.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xuewei.platform.policy.RegistrySource;

/**
 * The facts model as CEL sees it: typed structs (no protobuf), so the checker rejects unknown fields and type
 * errors at save time. At run time the structs are plain maps built by {@link FactsBinder}.
 */
public final class FactTypes implements CelTypeProvider {

    /** A declared field with its documentation. */
    public record Field(String name, CelType type, String doc) {
    }

    /** A top-level variable: its type, documentation and the registries it comes from. */
    public record Variable(String name, CelType type, String doc, List<RegistrySource> sources) {
    }

    private static final CelType STR = SimpleType.STRING;
    private static final CelType INT = SimpleType.INT;
    private static final CelType BOOL = SimpleType.BOOL;

    private final Map<String, StructType> structs = new LinkedHashMap<>();
    private final Map<String, List<Field>> fields = new LinkedHashMap<>();
    private final List<Variable> variables;

    public FactTypes() {
        StructType child = struct("xuewei.Child",
                f("id", STR, "child id"),
                f("grade", STR, "G1 or G7"),
                f("birthDate", STR, "出生日期 yyyy-MM-dd"),
                f("ageAtCutoff", INT, "满周岁 on the policy's age cut-off"),
                f("graduated", BOOL, "G7: graduation recorded in 学籍 by the age cut-off"),
                f("primarySchool", STR, "G7: primary school id in 学籍"),
                f("primaryDistrict", STR, "G7: district of that school"));
        StructType hukou = struct("xuewei.Hukou",
                f("holder", STR, "whose hukou: CHILD, FATHER, MOTHER, …"),
                f("registered", BOOL, "a record exists"),
                f("district", STR, "district code"),
                f("community", STR, "community code"),
                f("householder", STR, "户主, as a relation to the child"),
                f("collective", BOOL, "集体户"),
                f("moveInDate", STR, "迁入日期"),
                f("yearsAtAddress", INT, "full years since move-in, on the certificate cut-off"),
                f("members", ListType.create(STR), "relations registered in the same household"),
                f("withParent", BOOL, "a parent is in the same household"),
                f("inZone", BOOL, "address in the target school's zone"),
                f("inDistrict", BOOL, "address in the target school's district"),
                f("inUrban", BOOL, "address in the urban area (城区)"));
        StructType owner = struct("xuewei.Owner",
                f("relation", STR, "owner's relation to the child"),
                f("share", SimpleType.DOUBLE, "share in percent (two decimals)"),
                f("direct", BOOL, "直系亲属 (child, parent, grandparent)"),
                f("parentOrChild", BOOL, "the child or a parent"),
                f("grandparent", BOOL, "a grandparent"));
        StructType home = struct("xuewei.Home",
                f("id", STR, "certificate or contract number"),
                f("kind", STR, "CERTIFICATE (不动产权证) or CONTRACT (网签购房合同)"),
                f("usage", STR, "RESIDENTIAL 住宅, APARTMENT 公寓, COMMERCIAL_RESIDENTIAL 商住, COMMERCIAL, OFFICE, GARAGE"),
                f("residential", BOOL, "usage is RESIDENTIAL"),
                f("date", STR, "certificate date or contract signing date"),
                f("delivered", BOOL, "contract: 已交房入住 (certificates: true)"),
                f("owners", ListType.create(owner), "owners or buyers"),
                f("familyShare", SimpleType.DOUBLE, "percent held by the child, parents and grandparents"),
                f("ownedByChildOrParent", BOOL, "the child or a parent is an owner"),
                f("ownedByGrandparent", BOOL, "a grandparent is an owner"),
                f("mainOwner", STR, "the family owner with the largest share"),
                f("inZone", BOOL, "in the target school's zone"),
                f("inDistrict", BOOL, "in the target school's district"),
                f("inUrban", BOOL, "in the urban area"),
                f("locked", BOOL, "学位锁定: used by another child within the lock years"),
                f("usable", BOOL, "valid evidence under the policy's evidence rules"),
                f("problems", ListType.create(STR), "why not usable (Chinese)"));
        StructType rental = struct("xuewei.Rental",
                f("id", STR, "registration number"),
                f("tenant", STR, "tenant's relation to the child"),
                f("registeredDate", STR, "备案日期"),
                f("endDate", STR, "lease end"),
                f("inZone", BOOL, "in the target school's zone"),
                f("inDistrict", BOOL, "in the target school's district"),
                f("inUrban", BOOL, "in the urban area"),
                f("usable", BOOL, "registered by the cut-off and still valid"));
        StructType permit = struct("xuewei.Permit",
                f("id", STR, "permit number"),
                f("holder", STR, "holder's relation to the child"),
                f("city", STR, "issuing city code"),
                f("issueDate", STR, "签发日期"),
                f("validUntil", STR, "有效期至"),
                f("usable", BOOL, "issued by the cut-off and still valid"));
        StructType insurance = struct("xuewei.Insurance",
                f("holder", STR, "payer's relation to the child"),
                f("kind", STR, "insurance kind, e.g. 职工基本养老保险"),
                f("months", INT, "months paid"),
                f("firstPaid", STR, "first month paid"),
                f("lastPaid", STR, "last month paid"),
                f("usable", BOOL, "first paid on or before the insurance cut-off"));
        StructType marital = struct("xuewei.Marital",
                f("person", STR, "relation to the child"),
                f("kind", STR, "MARRIAGE or DIVORCE"),
                f("date", STR, "登记日期"));
        StructType sibling = struct("xuewei.Sibling",
                f("id", STR, "sibling's child id"),
                f("twin", BOOL, "twin or multiple birth"),
                f("sameParents", BOOL, "same father and mother"),
                f("school", STR, "school attended (empty if none)"),
                f("atTarget", BOOL, "attends the target school"));
        StructType target = struct("xuewei.Target",
                f("school", STR, "the school applied to"),
                f("district", STR, "its district code"));
        StructType params = struct("xuewei.Params",
                f("season", INT, "entry year"),
                f("ageCutoff", STR, "age cut-off day"),
                f("certificateCutoff", STR, "certificate cut-off day"),
                f("rentalCutoff", STR, "rental cut-off day"),
                f("permitCutoff", STR, "permit cut-off day"),
                f("insuranceCutoff", STR, "insurance cut-off day"),
                f("validOn", STR, "evidence validity day"));
        variables = List.of(
                new Variable("child", child, "the child", List.of(RegistrySource.HUKOU, RegistrySource.STUDENT_REGISTRY)),
                new Variable("hukou", hukou, "the child's hukou", List.of(RegistrySource.HUKOU)),
                new Variable("parentHukous", ListType.create(hukou), "the parents' hukous", List.of(RegistrySource.HUKOU)),
                new Variable("homes", ListType.create(home), "all certificates and purchase contracts of the family",
                        List.of(RegistrySource.PROPERTY, RegistrySource.PURCHASE_CONTRACT)),
                new Variable("rentals", ListType.create(rental), "registered rentals", List.of(RegistrySource.RENTAL)),
                new Variable("permits", ListType.create(permit), "residence permits", List.of(RegistrySource.RESIDENCE_PERMIT)),
                new Variable("insurance", ListType.create(insurance), "social insurance", List.of(RegistrySource.SOCIAL_INSURANCE)),
                new Variable("marital", ListType.create(marital), "marriages and divorces", List.of(RegistrySource.CIVIL_AFFAIRS)),
                new Variable("preferential", ListType.create(STR), "confirmed 优待 categories", List.of(RegistrySource.PREFERENTIAL)),
                new Variable("siblings", ListType.create(sibling), "siblings", List.of(RegistrySource.HUKOU)),
                new Variable("target", target, "the school applied to", List.of(RegistrySource.CATALOG)),
                new Variable("policy", params, "the policy's dates", List.of()));
    }

    private static Field f(String name, CelType type, String doc) {
        return new Field(name, type, doc);
    }

    private StructType struct(String name, Field... declared) {
        Map<String, CelType> byName = new LinkedHashMap<>();
        for (Field field : declared) {
            byName.put(field.name(), field.type());
        }
        StructType type = StructType.create(name, ImmutableSet.copyOf(byName.keySet()),
                n -> Optional.ofNullable(byName.get(n)));
        structs.put(name, type);
        fields.put(name, List.of(declared));
        return type;
    }

    public List<Variable> variables() {
        return variables;
    }

    /** Struct name → documented fields, in declaration order (for docs and the console's help). */
    public Map<String, List<Field>> structFields() {
        return fields;
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(structs.get(typeName));
    }
}
