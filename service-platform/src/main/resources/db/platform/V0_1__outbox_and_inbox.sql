-- Shared plumbing of every service: the transactional outbox and the idempotent inbox.

create table outbox_event (
    id          uuid primary key,
    seq         bigint generated always as identity unique,
    topic       text        not null,
    type        text        not null,
    source      text        not null,
    subject     text        not null,
    occurred_at timestamptz not null,
    payload     text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);

create index outbox_event_pending on outbox_event (seq) where sent_at is null;

create table inbox_event (
    event_id    uuid primary key,
    type        text        not null,
    source      text        not null,
    subject     text        not null,
    received_at timestamptz not null default now()
);
