create table pathology_case (
    case_id        uuid primary key,
    referring_site text        not null,
    referred_at    timestamptz not null,
    awaiting       text        not null,
    awaiting_since timestamptz not null
);

create index pathology_case_awaiting on pathology_case (awaiting, awaiting_since);
