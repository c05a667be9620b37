-- 复议: a parent's appeal against a published result, decided by district staff.
create table admission.appeal
(
    id             bigint generated always as identity primary key,
    run_id         bigint      not null references admission.run (id),
    application_no text        not null,
    reason         text        not null,
    evidence       text        not null default '',
    state          text        not null check (state in ('SUBMITTED', 'UPHELD', 'DISMISSED')),
    submitted_by   text        not null,
    submitted_at   timestamptz not null,
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    school_code    text
);
-- one open appeal per child
create unique index appeal_open_once on admission.appeal (run_id, application_no) where state = 'SUBMITTED';
