-- Issue 22, item 5: each case's events are numbered in the order the owning service commits them, so consumers order
-- one owner's facts by that number rather than by the producer's clock. Rows published before this migration keep 0
-- ("unsequenced"), which orders before every numbered event.

create table outbox_case_sequence (
    subject       text   primary key,
    last_sequence bigint not null check (last_sequence > 0)
);

alter table outbox_event add column case_sequence bigint not null default 0 check (case_sequence >= 0);
