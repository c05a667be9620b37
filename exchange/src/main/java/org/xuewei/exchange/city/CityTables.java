package org.xuewei.exchange.city;

import java.util.List;

/** The generated tables, in load order. Registry tables first, then the generator's ground truth. */
final class CityTables {

    final Table person = new Table("person", "id_number", "name", "gender", "birth_date", "birth_region", "phone");
    final Table household = new Table("hukou_household", "household_no", "kind", "address", "community_code",
            "district_code", "police_station", "established_on");
    final Table member = new Table("hukou_member", "household_no", "id_number", "name", "relation", "moved_in_on", "moved_from");
    final Table unit = new Table("property_unit", "unit_no", "certificate_no", "registered_on", "usage", "address",
            "community_code", "district_code", "floor_area");
    final Table owner = new Table("property_owner", "unit_no", "id_number", "name", "share_percent", "ownership");
    final Table contract = new Table("purchase_contract", "contract_no", "unit_no", "address", "community_code",
            "district_code", "developer", "signed_on", "delivered", "delivered_on");
    final Table buyer = new Table("contract_buyer", "contract_no", "id_number", "name");
    final Table rental = new Table("rental_registration", "registration_no", "address", "community_code", "district_code",
            "landlord_name", "tenant_id", "tenant_name", "registered_on", "starts_on", "ends_on");
    final Table permit = new Table("residence_permit", "permit_no", "id_number", "name", "address", "community_code",
            "district_code", "issued_on", "valid_until");
    final Table insurance = new Table("social_insurance", "id_number", "name", "insurance_type", "employer",
            "first_paid_month", "last_paid_month", "months_paid");
    final Table civilEvent = new Table("civil_event", "id_number", "name", "event", "event_on", "spouse_id", "spouse_name", "office");
    final Table civilStatus = new Table("civil_status", "id_number", "name", "status", "since", "until");
    final Table student = new Table("student_record", "student_no", "id_number", "name", "school_code", "school_name",
            "grade", "enrolled_on", "graduates_in", "status", "graduation_score");
    final Table preferential = new Table("preferential", "record_no", "id_number", "name", "category", "department",
            "detail", "valid_from", "valid_until");
    final Table birth = new Table("birth_certificate", "certificate_no", "id_number", "name", "gender", "birth_date",
            "mother_id", "mother_name", "father_id", "father_name", "issued_on");
    final Table family = new Table("family", "family_no", "category", "district_code", "community_code", "primary_zone",
            "junior_zone", "guardian_id", "guardian_phone", "cases");
    final Table familyChild = new Table("family_child", "family_no", "id_number", "cohort");
    final Table manifest = new Table("manifest", "case_code", "family_no", "subject_id", "detail");

    List<Table> all() {
        return List.of(person, household, member, unit, owner, contract, buyer, rental, permit, insurance,
                civilEvent, civilStatus, student, preferential, birth, family, familyChild, manifest);
    }
}
