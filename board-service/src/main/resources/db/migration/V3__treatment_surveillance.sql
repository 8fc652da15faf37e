alter table board_case add column decided_on date;
alter table board_case add column surgery_date date;
alter table board_case add column gross_residual boolean;
alter table board_case add column not_implemented_reason text;
alter table board_case add column surveillance_track text;
alter table board_case add column in_surveillance boolean not null default false;
alter table board_case add column discharged boolean not null default false;

create table treatment (
    id             uuid primary key,
    case_id        uuid        not null references board_case (case_id),
    type           text        not null,
    treatment_date date        not null,
    en_bloc        boolean,
    organs         text,
    gross_residual boolean,
    reason_code    text,
    recorded_at    timestamptz not null,
    recorded_by    text        not null
);

create index treatment_case on treatment (case_id, treatment_date);

create table surveillance_visit (
    id          uuid primary key,
    case_id     uuid not null references board_case (case_id),
    number      int  not null,
    month       int  not null,
    due_date    date not null,
    exams       text not null,
    done_on     date,
    outcome     text,
    notes       text,
    recorded_by text,
    unique (case_id, number)
);

create index surveillance_visit_open on surveillance_visit (due_date) where done_on is null;
