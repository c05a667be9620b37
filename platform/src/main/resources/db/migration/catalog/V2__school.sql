-- Schools (学校): public (公办) and private (民办) primary (小学) and junior (初中) schools of a district.
-- The code is the school's id everywhere else (other modules keep it as a typed id).
create table catalog.school
(
    code           varchar(20) primary key,
    name           text        not null,
    district_code  varchar(6)  not null,
    stage          text        not null check (stage in ('PRIMARY', 'JUNIOR')),
    ownership      text        not null check (ownership in ('PUBLIC', 'PRIVATE')),
    community_code varchar(12) not null,
    address        text        not null default '',
    lon            double precision,
    lat            double precision,
    updated_at     timestamptz not null default now()
);
create index school_district_idx on catalog.school (district_code, stage, code);
