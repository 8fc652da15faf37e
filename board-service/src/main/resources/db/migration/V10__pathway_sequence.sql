-- Issue 22, item 5: pathology's not-a-sarcoma flag and its restore are ordered by pathology's sequence.
alter table board_case add column pathway_sequence bigint;
