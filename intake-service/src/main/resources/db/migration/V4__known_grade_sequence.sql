-- Issue 22, item 5: the grade intake keeps for the work-up is pathology's latest by pathology's own commit order.
alter table intake_case add column known_grade_sequence bigint;
