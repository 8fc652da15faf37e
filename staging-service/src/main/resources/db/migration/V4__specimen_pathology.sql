-- Issue 19, item 4: the resection specimen's own histology and grade (when the pathologist re-assessed it) and the
-- treatment effect after neoadjuvant therapy, kept with the resection's other inputs and its source event.
alter table staging_case add column specimen_histology text;
alter table staging_case add column specimen_grade text;
alter table staging_case add column treatment_effect_percent numeric(4, 1);
