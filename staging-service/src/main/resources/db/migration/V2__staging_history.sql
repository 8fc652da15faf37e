alter table staging_case drop column size_event_id;
alter table staging_case add column clinical_event_id uuid;
alter table staging_case add column clinical_event_type text;
alter table staging_case add column clinical_at timestamptz;
alter table staging_case add column histology text;
alter table staging_case add column grade_event_id uuid;
alter table staging_case add column grade_event_type text;
alter table staging_case add column grade_at timestamptz;
alter table staging_case add column path_size_cm numeric(4, 1);
alter table staging_case add column path_nodes_examined int;
alter table staging_case add column path_nodes_positive int;
alter table staging_case add column resection_event_id uuid;
alter table staging_case add column resection_event_type text;
alter table staging_case add column resection_at timestamptz;
alter table staging_case add column resected boolean not null default false;
alter table staging_case add column neoadjuvant boolean;
alter table staging_case add column neoadjuvant_event_id uuid;
alter table staging_case add column neoadjuvant_event_type text;

-- Every staging is kept, with its inputs (and the events they came from), the rule edition and the time.
create table staging (
    id               uuid primary key,
    seq              bigint generated always as identity unique,
    case_id          uuid        not null references staging_case (case_id),
    prefix           text        not null,
    t                text        not null,
    n                text        not null,
    m                text        not null,
    g                text        not null,
    stage_group      text        not null,
    edition          text        not null,
    failure_pattern  text,
    inputs           text        not null,
    changed          text        not null,
    trigger_event_id uuid        not null,
    staged_at        timestamptz not null
);

create index staging_case_seq on staging (case_id, seq);

-- Inputs may arrive before the referral (three topics, any order): the site is filled in when the referral arrives.
alter table staging_case alter column referring_site drop not null;
