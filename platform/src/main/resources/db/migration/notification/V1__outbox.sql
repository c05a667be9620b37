-- 发件箱: one row per message and channel, written in the transaction of the change it tells about; the id is the
-- delivery id a channel uses to make a repeated delivery (after a crash between send and mark) a no-op
create table notification.outbox (
    id            uuid primary key,
    channel       varchar(8)   not null check (channel in ('SMS', 'INBOX')),
    recipient     char(64)     not null,
    subject_ref   uuid,
    message_key   varchar(100) not null,
    args          text         not null default '',
    free_text     varchar(500) not null default '',
    created_at    timestamptz  not null,
    claimed_until timestamptz,
    attempts      int          not null default 0,
    last_error    varchar(500),
    delivered_at  timestamptz,
    outcome       varchar(16)
);
create index outbox_due on notification.outbox (created_at) where delivered_at is null;

-- 站内信: the parent's inbox; delivery_id unique = each outbox message at most once
create table notification.inbox (
    delivery_id  uuid primary key,
    recipient    char(64)     not null,
    subject_ref  uuid,
    message_key  varchar(100) not null,
    args         text         not null default '',
    free_text    varchar(500) not null default '',
    created_at   timestamptz  not null,
    read_at      timestamptz
);
create index inbox_of on notification.inbox (recipient, created_at desc);

-- the parent's mobile number for SMS (AES-GCM ciphertext), keyed by the guardian's keyed hash
create table notification.contact (
    recipient    char(64) primary key,
    phone_cipher text        not null,
    updated_at   timestamptz not null
);
