-- Admission (派位/录取): runs, lottery draws, placements, notices, offers (报到) and seat counts.

-- A lottery draw (摇号仪式, LOTTERY.md §4): its frozen input, then each published part in turn.
create table admission.draw
(
    id                bigint generated always as identity primary key,
    code              text        not null unique,
    district_code     text        not null,
    season            int         not null,
    grade             int         not null,
    state             text        not null check (state in ('FROZEN', 'COMMITTED', 'SEEDED', 'DRAWN')),
    snapshot          text        not null,
    instance_json     text        not null,
    input_sha256      char(64)    not null,
    candidates        int         not null,
    excluded          int         not null default 0,
    excluded_reason   text,
    commitment        char(64),
    secret            text,
    public_value_name text,
    public_value      text,
    witnesses         text,
    seed              char(64),
    result_json       text,
    result_sha256     char(64),
    frozen_at         timestamptz not null,
    frozen_by         text        not null,
    committed_at      timestamptz,
    seeded_at         timestamptz,
    drawn_at          timestamptz
);

-- An allocation run: DRY (as often as staff like, changes nothing else) or FINAL (the draw's).
create table admission.run
(
    id              bigint generated always as identity primary key,
    district_code   text        not null,
    season          int         not null,
    grade           int         not null,
    kind            text        not null check (kind in ('DRY', 'FINAL')),
    draw_id         bigint references admission.draw (id),
    input_sha256    char(64)    not null,
    seed            char(64)    not null,
    result_sha256   char(64)    not null,
    candidates      int         not null,
    excluded        int         not null default 0,
    excluded_reason text,
    summary         text        not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    published_at    timestamptz,
    published_by    text,
    arrival_deadline timestamptz,
    check (published_at is null or kind = 'FINAL')
);
create unique index run_final_per_draw on admission.run (draw_id) where kind = 'FINAL';
-- publication is final and happens once per district, season and grade
create unique index run_published_once on admission.run (district_code, season, grade) where published_at is not null;

create table admission.placement
(
    run_id           bigint not null references admission.run (id),
    application_no   text   not null,
    route            text   not null,
    school_code      text,
    choice           int,
    category         int    not null,
    points           numeric,
    lottery_school   text,
    lottery_position int,
    lottery_tied     int,
    distance_m       double precision,
    primary key (run_id, application_no)
);

-- 录取通知书: an unguessable code; the QR carries code + HMAC.
create table admission.notice
(
    code           text primary key,
    run_id         bigint      not null references admission.run (id),
    application_no text        not null,
    school_code    text        not null,
    school_name    text        not null,
    issued_at      timestamptz not null,
    unique (run_id, application_no)
);

create table admission.notice_key
(
    id  int primary key check (id = 1),
    key text not null
);

-- 报到: a place offered to a child, confirmed by school and parent (双确认), or released.
create table admission.offer
(
    run_id              bigint      not null references admission.run (id),
    application_no      text        not null,
    school_code         text        not null,
    batch               int         not null,
    state               text        not null check (state in ('OFFERED', 'CONFIRMED', 'RELEASED')),
    school_confirmed_at timestamptz,
    parent_confirmed_at timestamptz,
    released_at         timestamptz,
    primary key (run_id, application_no)
);

-- seats held per school; the check makes over-filling impossible whatever the concurrency
create table admission.seat
(
    run_id      bigint not null references admission.run (id),
    school_code text   not null,
    capacity    int    not null,
    held        int    not null,
    primary key (run_id, school_code),
    check (held >= 0 and held <= capacity)
);
