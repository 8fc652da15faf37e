-- Issue 34, item 1: every owner-ordered slot is one OwnerOrder (the owner's time and commit sequence of the fact
-- held); intake's two slots had their sequence only. Null on a case known before: the next event sets them.
alter table intake_case
    add column pathway_at     timestamptz,
    add column known_grade_at timestamptz;
