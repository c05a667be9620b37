-- School zones (学区划片), per season: a zone maps communities to one school or, for a multi-school
-- zone (多校划片), to several schools of the same stage. A community is in at most one zone per stage and season.
create table catalog.zone
(
    id            bigserial primary key,
    season        integer    not null,
    district_code varchar(6) not null,
    stage         text       not null check (stage in ('PRIMARY', 'JUNIOR')),
    code          varchar(32) not null,
    unique (season, district_code, code)
);

create table catalog.zone_school
(
    zone_id     bigint      not null references catalog.zone (id) on delete cascade,
    school_code varchar(20) not null references catalog.school (code),
    primary key (zone_id, school_code)
);
create index zone_school_school_idx on catalog.zone_school (school_code);

create table catalog.zone_community
(
    zone_id        bigint      not null references catalog.zone (id) on delete cascade,
    season         integer     not null,
    stage          text        not null,
    community_code varchar(12) not null,
    unique (season, stage, community_code)
);
create index zone_community_zone_idx on catalog.zone_community (zone_id);

-- Enrollment plans (招生计划) per school, season and entry grade (1 = 幼升小, 7 = 小升初):
-- classes × class size, and the seats offered (at most classes × class size).
create table catalog.enrollment_plan
(
    school_code varchar(20) not null references catalog.school (code),
    season      integer     not null,
    grade       integer     not null check (grade in (1, 7)),
    classes     integer     not null check (classes > 0),
    class_size  integer     not null check (class_size between 1 and 50),
    seats       integer     not null check (seats > 0 and seats <= classes * class_size),
    updated_at  timestamptz not null default now(),
    primary key (school_code, season, grade)
);
