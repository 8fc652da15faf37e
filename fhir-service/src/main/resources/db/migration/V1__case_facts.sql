-- The facade's read model (issue 23): every clinical fact the four topics carried, one row per event, as its owner
-- published it. The FHIR resources are built from these rows per request, so an amendment, a re-staging or a late fact
-- changes what the next read returns, and a redelivered event (same id) is one row. No patient identity: the events
-- carry none, and intake answers for it per request.
create table case_fact (
    event_id    uuid        primary key,
    case_id     uuid        not null,
    source      text        not null,
    type        text        not null,
    sequence    bigint      not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null,
    data        text        not null
);

create index case_fact_case on case_fact (case_id, source, sequence);
