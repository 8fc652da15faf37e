-- Issue 22, item 5: each group of inputs remembers the owner's sequence of the event that set it; later events are
-- compared by it, not by the producer's time. Null on a case staged before: the next event of that group applies.
alter table staging_case
    add column clinical_sequence   bigint,
    add column grade_sequence      bigint,
    add column resection_sequence  bigint,
    add column recurrence_sequence bigint;
