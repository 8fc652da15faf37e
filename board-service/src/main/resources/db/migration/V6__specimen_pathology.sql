-- Issue 19, item 4: the resection specimen's own histology, grade and alerts where the pathologist re-assessed it,
-- with the time of the report version they came from (an older version never overwrites a newer one).
alter table board_case add column specimen_histology text;
alter table board_case add column specimen_grade text;
alter table board_case add column specimen_alerts text[];
alter table board_case add column specimen_at timestamptz;
alter table board_case add column specimen_margin text;

-- Issue 19, items 7 and 8: the imaging findings resectability and the imaging-pathology concordance depend on, from
-- intake's referral and imaging updates, with the time of the event they came from.
alter table board_case add column solid_enhancing_component boolean;
alter table board_case add column vessel_involvement jsonb;
alter table board_case add column organs_abutted text[];
alter table board_case add column imaging_at timestamptz;
