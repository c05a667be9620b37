-- The exchange's registries (stand-ins for the departments' databases), the generator's ground
-- truth, and the call log. Everything lives in schema "exchange".

create table city_meta (
    key   text primary key,
    value text not null
);

create table catalog_export (
    id     int primary key default 1 check (id = 1),
    format text not null,
    body   text not null
);

-- 公安: population and 户籍
create table person (
    id_number    char(18) primary key,
    name         text not null,
    gender       char(1) not null,
    birth_date   date not null,
    birth_region char(6) not null,
    phone        varchar(11)
);
create unique index person_phone on person (phone) where phone is not null;

create table hukou_household (
    household_no   varchar(20) primary key,
    kind           text not null,
    address        text not null,
    community_code varchar(12) not null,
    district_code  char(6) not null,
    police_station text not null,
    established_on date not null
);

create table hukou_member (
    household_no varchar(20) not null,
    id_number    char(18) not null,
    name         text not null,
    relation     text not null,
    moved_in_on  date not null,
    moved_from   text
);
create index hukou_member_household on hukou_member (household_no);
create index hukou_member_person on hukou_member (id_number);

-- 自然资源/不动产登记
create table property_unit (
    unit_no        varchar(28) primary key,
    certificate_no text not null,
    registered_on  date not null,
    usage          text not null,
    address        text not null,
    community_code varchar(12) not null,
    district_code  char(6) not null,
    floor_area     numeric(8, 2) not null
);

create table property_owner (
    unit_no       varchar(28) not null,
    id_number     char(18) not null,
    name          text not null,
    share_percent numeric(5, 2) not null,
    ownership     text not null
);
create index property_owner_unit on property_owner (unit_no);
create index property_owner_person on property_owner (id_number);

-- 住建/房管: 网签购房合同, 租赁备案
create table purchase_contract (
    contract_no    varchar(20) primary key,
    unit_no        varchar(28) not null,
    address        text not null,
    community_code varchar(12) not null,
    district_code  char(6) not null,
    developer      text not null,
    signed_on      date not null,
    delivered      boolean not null,
    delivered_on   date
);

create table contract_buyer (
    contract_no varchar(20) not null,
    id_number   char(18) not null,
    name        text not null
);
create index contract_buyer_contract on contract_buyer (contract_no);
create index contract_buyer_person on contract_buyer (id_number);

create table rental_registration (
    registration_no varchar(20) primary key,
    address         text not null,
    community_code  varchar(12) not null,
    district_code   char(6) not null,
    landlord_name   text not null,
    tenant_id       char(18) not null,
    tenant_name     text not null,
    registered_on   date not null,
    starts_on       date not null,
    ends_on         date not null
);
create index rental_tenant on rental_registration (tenant_id);

create table residence_permit (
    permit_no      varchar(20) primary key,
    id_number      char(18) not null,
    name           text not null,
    address        text not null,
    community_code varchar(12) not null,
    district_code  char(6) not null,
    issued_on      date not null,
    valid_until    date not null
);
create index residence_permit_person on residence_permit (id_number);

-- 人社
create table social_insurance (
    id_number        char(18) not null,
    name             text not null,
    insurance_type   text not null,
    employer         text not null,
    first_paid_month date not null,
    last_paid_month  date not null,
    months_paid      int not null
);
create index social_insurance_person on social_insurance (id_number);

-- 民政
create table civil_event (
    id_number   char(18) not null,
    name        text not null,
    event       text not null,
    event_on    date not null,
    spouse_id   char(18),
    spouse_name text,
    office      text not null
);
create index civil_event_person on civil_event (id_number);

create table civil_status (
    id_number char(18) not null,
    name      text not null,
    status    text not null,
    since     date not null,
    until     date
);
create index civil_status_person on civil_status (id_number);

-- 教育: 学籍
create table student_record (
    student_no       varchar(20) primary key,
    id_number        char(18) not null,
    name             text not null,
    school_code      text not null,
    school_name      text not null,
    grade            int not null,
    enrolled_on      date not null,
    graduates_in     text not null,
    status           text not null,
    graduation_score numeric(5, 1)
);
create index student_record_person on student_record (id_number);

-- 优待: held by their departments
create table preferential (
    record_no   varchar(20) primary key,
    id_number   char(18) not null,
    name        text not null,
    category    text not null,
    department  text not null,
    detail      text not null,
    valid_from  date not null,
    valid_until date
);
create index preferential_person on preferential (id_number);

-- generator ground truth (not a registry; used by the demo picker and tests)
create table family (
    family_no      varchar(10) primary key,
    category       int not null,
    district_code  char(6) not null,
    community_code varchar(12) not null,
    primary_zone   text not null,
    junior_zone    text not null,
    guardian_id    char(18) not null,
    guardian_phone varchar(11),
    cases          text not null
);

create table family_child (
    family_no varchar(10) not null,
    id_number char(18) not null,
    cohort    text not null
);

create table manifest (
    case_code  text not null,
    family_no  varchar(10) not null,
    subject_id char(18) not null,
    detail     text not null
);
create index manifest_case on manifest (case_code);

-- every registry call: who asked what about whom (keyed hash + masked id, never the plain id), why
create table call_log (
    id           bigserial primary key,
    request_id   uuid not null,
    at           timestamptz not null,
    client_id    text,
    registry     text not null,
    operation    text not null,
    subject_hash char(64),
    subject_mask text,
    purpose      text,
    status       int not null,
    duration_ms  int not null
);
create index call_log_at on call_log (at);
