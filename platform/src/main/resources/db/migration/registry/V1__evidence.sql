-- 证据快照: one row per registry answer used by a check; the person only as a keyed hash (HMAC-SHA256)
create table registry.evidence (
    id                uuid primary key,
    registry          varchar(32)  not null,
    operation         varchar(120) not null,
    subject_hash      char(64)     not null,
    outcome           varchar(16)  not null check (outcome in ('FOUND', 'NOT_FOUND', 'UNAVAILABLE')),
    source_department varchar(120),
    record_time       timestamptz,
    fetched_at        timestamptz  not null,
    sha256            char(64)
);
create index evidence_subject on registry.evidence (subject_hash, fetched_at desc);
