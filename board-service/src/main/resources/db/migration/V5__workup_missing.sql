-- What work-up lacks when intake reopens it (issue 19: a chest CT once the grade is not G1), for the board's readiness.
alter table board_case add column workup_missing text[];
