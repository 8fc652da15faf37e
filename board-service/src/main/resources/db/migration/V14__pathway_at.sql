-- Issue 34, item 1: every owner-ordered slot is one OwnerOrder (the owner's time and commit sequence of the fact
-- held); the not-a-sarcoma verdict's slot had its sequence only. Null on a case known before: the next verdict sets it.
alter table board_case
    add column pathway_at timestamptz;
