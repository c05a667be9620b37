-- Staff accounts (工作人员账号): schools, district bureaus, the city bureau, auditors.
create table identity.staff_account
(
    id            bigint generated always as identity primary key,
    username      text        not null unique check (username ~ '^[a-z0-9][a-z0-9-]{2,39}$'),
    password_hash text        not null,
    role          text        not null check (role in ('SCHOOL', 'DISTRICT_ADMIN', 'DISTRICT_REVIEWER', 'CITY_ADMIN', 'AUDITOR')),
    district_code char(6) check (district_code ~ '^[0-9]{6}$'),
    school_id     text,
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    -- district staff are scoped to one district, a school account to one school in a district,
    -- city staff to none
    constraint staff_account_scope check (
        (role in ('DISTRICT_ADMIN', 'DISTRICT_REVIEWER') and district_code is not null and school_id is null)
        or (role = 'SCHOOL' and district_code is not null and school_id is not null)
        or (role in ('CITY_ADMIN', 'AUDITOR') and district_code is null and school_id is null))
);
