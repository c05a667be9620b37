-- Demo profile only: how far the living demo's applications have got (one row per run name), so a restart resumes
-- where it stopped and a finished run is not repeated
create table application.demo_applicants (
    name         varchar(32) primary key,
    next_offset  int         not null default 0,
    families     int         not null default 0,
    applied      int         not null default 0,
    refused      int         not null default 0,
    started_at   timestamptz not null,
    completed_at timestamptz
);
