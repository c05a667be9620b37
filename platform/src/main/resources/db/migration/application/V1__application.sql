-- Children a guardian has seen on the platform (适龄儿童); ID numbers only as keyed hash + AES-GCM ciphertext
create table application.child (
    id            uuid primary key,
    guardian_hash char(64)    not null,
    child_hash    char(64)    not null,
    child_cipher  text        not null,
    name          text        not null,
    birth_date    date        not null,
    grade         varchar(2)  not null check (grade in ('G1', 'G7')),
    season        int         not null,
    created_at    timestamptz not null,
    unique (guardian_hash, child_hash, season)
);

-- 入学申请: one active application per child per season; a retried submission (same key) is the same application
create table application.application (
    id               uuid primary key,
    number           varchar(24)  not null unique,
    child_id         uuid         not null references application.child (id),
    child_hash       char(64)     not null,
    guardian_hash    char(64)     not null,
    guardian_cipher  text         not null,
    season           int          not null,
    grade            varchar(2)   not null,
    status           varchar(32)  not null,
    district_code    char(6)      not null,
    public_school    varchar(24)  not null,
    private_school   varchar(24),
    home_kind        varchar(16)  not null,
    home_ref         text         not null,
    home_key         char(64)     not null,
    category_code    varchar(24),
    category_rank    int          not null default 0,
    points           numeric(8, 2),
    policy_ref       text,
    reasons          text         not null default '',
    note             varchar(500) not null default '',
    idempotency_key  varchar(100) not null,
    consent_at       timestamptz  not null,
    submitted_at     timestamptz  not null,
    updated_at       timestamptz  not null,
    unique (guardian_hash, idempotency_key)
);
create unique index application_one_active on application.application (child_hash, season)
    where status not in ('WITHDRAWN', 'REJECTED');
create index application_home on application.application (home_key, season, grade);
create index application_pending on application.application (status) where status = 'PENDING_VERIFICATION';

-- the timeline parents see
create table application.application_step (
    id             bigint generated always as identity primary key,
    application_id uuid        not null references application.application (id),
    status         varchar(32) not null,
    occurred_at    timestamptz not null,
    actor          text        not null,
    reasons        text        not null default ''
);
create index application_step_of on application.application_step (application_id, id);

create sequence application.application_number;
