-- The tamper-evident audit log (审计日志): append-only, each row chained to the previous one by
-- SHA-256 (hash = sha256(previous hash | row fields)), so a changed or deleted row breaks the chain.
create table audit.audit_event
(
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    subject     text        not null default '',
    client_ip   text        not null default '',
    detail      text        not null default '',
    prev_hash   char(64)    not null,
    hash        char(64)    not null unique
);

create function audit.refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit.audit_event is append-only';
end;
$$;

create trigger audit_event_append_only
    before update or delete or truncate
    on audit.audit_event
    for each statement
execute function audit.refuse_change();
