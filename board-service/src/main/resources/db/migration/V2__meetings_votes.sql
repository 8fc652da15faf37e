-- Inputs may arrive before the referral (several topics, any order): the site and referral time follow.
alter table board_case alter column referring_site drop not null;
alter table board_case alter column referred_at drop not null;
alter table board_case add column histology text;
alter table board_case add column grade text;
alter table board_case add column alerts text;
alter table board_case add column stage_group text;
alter table board_case add column metastatic boolean not null default false;
alter table board_case add column failure_pattern text;
alter table board_case add column staged_at timestamptz;
alter table board_case add column grade_at timestamptz;
alter table board_case add column non_sarcoma boolean not null default false;
alter table board_case add column non_sarcoma_reason text;
alter table board_case add column withdrawn boolean not null default false;
alter table board_case add column biopsy_waiver_reason text;
alter table board_case add column discussion_round int not null default 1;
alter table board_case add column meeting_id uuid;
alter table board_case add column decided_option text;

create table meeting (
    id           uuid primary key,
    meeting_date date        not null,
    capacity     int         not null check (capacity >= 1),
    closed       boolean     not null default false,
    created_at   timestamptz not null,
    created_by   text        not null
);

create index meeting_open_date on meeting (meeting_date) where not closed;

create table vote (
    id               uuid primary key,
    case_id          uuid        not null references board_case (case_id),
    discussion_round int         not null,
    member           text        not null,
    discipline       text        not null,
    option           text        not null,
    rationale        text        not null,
    cast_at          timestamptz not null,
    unique (case_id, discussion_round, member)
);

-- A decision keeps every vote of its round, dissent included, as they stood when it was recorded.
create table decision (
    id               uuid primary key,
    case_id          uuid        not null references board_case (case_id),
    discussion_round int         not null,
    option           text        not null,
    votes            text        not null,
    decided_at       timestamptz not null,
    decided_by       text        not null,
    unique (case_id, discussion_round)
);
