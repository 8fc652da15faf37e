-- Issue 20, paths 2 to 4: the surgeon's or chair's resectability assessment, the patient's fitness (ECOG, major
-- comorbidities), each with who recorded it and when, and the recurrence that brought the case back to the board.
alter table board_case add column resectability text;
alter table board_case add column resectability_reason text;
alter table board_case add column resectability_by text;
alter table board_case add column resectability_at timestamptz;
alter table board_case add column ecog integer;
alter table board_case add column comorbidities text[];
alter table board_case add column fitness_by text;
alter table board_case add column fitness_at timestamptz;
alter table board_case add column recurrence text;
alter table board_case add column biopsy_indicated boolean;
-- An alert that arrived after the decision: the chair reviews it (issue 20, path 1).
alter table board_case add column chair_review text;
