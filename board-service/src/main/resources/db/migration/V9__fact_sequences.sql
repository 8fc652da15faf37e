-- Issue 22, item 5: each group of facts remembers the owner's sequence of the event that set it; later events are
-- compared by it, not by the producer's time. Null on a case known before: the next event of that group applies.
alter table board_case
    add column grade_sequence    bigint,
    add column specimen_sequence bigint,
    add column imaging_sequence  bigint,
    add column staged_sequence   bigint;
