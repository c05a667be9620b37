-- A rejection waits for a second reviewer of the same district (四眼原则): at most one open proposal per application
create table review.rejection_proposal (
    application_id uuid primary key,
    district_code  char(6)       not null,
    reason         varchar(500)  not null,
    proposed_by    varchar(100)  not null,
    proposed_at    timestamptz   not null
);

-- Every decision on a case, for the case page (the audit log has them too)
create table review.decision (
    id             bigint generated always as identity primary key,
    application_id uuid          not null,
    district_code  char(6)       not null,
    kind           varchar(32)   not null check (kind in ('APPROVED', 'SUPPLEMENT_REQUESTED', 'REJECTION_PROPOSED',
                                                          'REJECTION_WITHDRAWN', 'REJECTED', 'SUPPLEMENT_PROVIDED')),
    actor          varchar(100)  not null,
    confirmed_by   varchar(100),
    category_code  varchar(24),
    message        varchar(500)  not null default '',
    decided_at     timestamptz   not null
);
create index decision_of on review.decision (application_id, id);

-- 补充材料: the file as uploaded (type judged from its content), with its SHA-256
create table review.supplement (
    id             uuid primary key,
    application_id uuid          not null,
    file_name      varchar(255)  not null,
    media_type     varchar(32)   not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     int           not null check (size_bytes > 0 and size_bytes <= 10485760),
    sha256         char(64)      not null,
    content        bytea         not null,
    uploaded_by    varchar(100)  not null,
    uploaded_at    timestamptz   not null
);
create index supplement_of on review.supplement (application_id, uploaded_at);
