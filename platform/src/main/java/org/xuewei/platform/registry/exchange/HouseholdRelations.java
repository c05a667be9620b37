package org.xuewei.platform.registry.exchange;

import org.xuewei.platform.policy.Relation;

import java.util.Map;

/**
 * The hukou registry records each member's relation to the householder (户主, 配偶, 子, 女, 父, 母, 儿媳, 孙子…); rules
 * need relations to the child. Known people (the child, its parents and grandparents by ID number) win over the
 * household's words.
 */
final class HouseholdRelations {

    private HouseholdRelations() {
    }

    /** Male per GB 11643: the 17th character (sequence) is odd. */
    static boolean male(String idNumber) {
        return idNumber != null && idNumber.length() == 18 && (idNumber.charAt(16) - '0') % 2 == 1;
    }

    /**
     * @param childToHead the child's relation to the householder
     * @param memberToHead the member's relation to the householder
     * @param known relations fixed by ID number (child, father, mother, grandparents)
     */
    static Relation toChild(String childToHead, String memberToHead, String memberId, String headId,
                            Map<String, Relation> known) {
        Relation k = known.get(memberId);
        if (k != null) {
            return k;
        }
        boolean male = male(memberId);
        boolean headMale = male(headId);
        switch (childToHead) {
            case "子", "女" -> {
                return switch (memberToHead) {
                    case "户主", "配偶" -> male ? Relation.FATHER : Relation.MOTHER;
                    case "父", "母" -> headMale
                            ? (male ? Relation.PATERNAL_GRANDFATHER : Relation.PATERNAL_GRANDMOTHER)
                            : (male ? Relation.MATERNAL_GRANDFATHER : Relation.MATERNAL_GRANDMOTHER);
                    case "子", "女" -> Relation.OTHER_RELATIVE; // a sibling
                    case "集体户成员" -> Relation.NON_RELATIVE;
                    default -> Relation.OTHER_RELATIVE;
                };
            }
            case "孙子", "孙女" -> {
                return switch (memberToHead) {
                    case "户主", "配偶" -> male ? Relation.PATERNAL_GRANDFATHER : Relation.PATERNAL_GRANDMOTHER;
                    case "子", "女婿" -> Relation.FATHER;
                    case "女", "儿媳" -> Relation.MOTHER;
                    default -> Relation.OTHER_RELATIVE;
                };
            }
            default -> {
                return Relation.NON_RELATIVE; // 集体户: members are not family unless known by ID
            }
        }
    }

    /** Whether a household relation word names a child (of the head or of the head's child). */
    static boolean isChildWord(String relation) {
        return switch (relation) {
            case "子", "女", "孙子", "孙女" -> true;
            default -> false;
        };
    }
}
