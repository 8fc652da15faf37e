-- Records a consumer could not apply, kept for operators to inspect and replay (architecture.md: dead letters are
-- never silently dropped; operators can list and replay them). The same record also goes to <service>.dead-letter.
-- replayed_value is what the operator applied (a corrected value, or the original): a rebuild from the topics
-- applies it in place of the record as it is on the topic.

create table dead_letter (
    id                uuid primary key,
    topic             text        not null,
    kafka_partition   int         not null,
    kafka_offset      bigint      not null,
    record_key        text,
    headers           text        not null,
    record_value      text,
    reason            text        not null,
    dead_lettered_at  timestamptz not null default now(),
    replayed_at       timestamptz,
    replayed_by       text,
    replay_outcome    text,
    replayed_value    text,
    last_replay_error text,
    unique (topic, kafka_partition, kafka_offset)
);
