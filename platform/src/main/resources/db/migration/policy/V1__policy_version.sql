-- District policies (招生政策), versioned per season. A draft per policy id (one id per district and
-- season, e.g. nanchang-county-2025) is edited and validated; publishing appends a frozen version
-- whose document (canonical JSON of the resolved policy) and SHA-256 never change.
create table policy.policy_draft
(
    policy_id text primary key,
    district  text,
    season    integer     not null,
    document  jsonb       not null,
    saved_by  text        not null default '',
    saved_at  timestamptz not null
);

create table policy.policy_version
(
    policy_id    text        not null,
    version      integer     not null check (version > 0),
    district     text,
    season       integer     not null,
    document     jsonb       not null,
    content_hash char(64)    not null,
    requested_by text        not null,
    approved_by  text        not null,
    published_at timestamptz not null,
    primary key (policy_id, version),
    constraint second_admin_approves check (requested_by <> approved_by)
);

create index policy_version_district on policy.policy_version (district, season);

create function policy.refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'policy.policy_version is frozen: publish a new version instead';
end;
$$;

create trigger policy_version_frozen
    before update or delete or truncate
    on policy.policy_version
    for each statement
execute function policy.refuse_change();
