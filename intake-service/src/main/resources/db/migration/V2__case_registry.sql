alter table intake_case add column status_since timestamptz;
update intake_case set status_since = referred_at;
alter table intake_case alter column status_since set not null;
alter table intake_case add column known_grade text;
alter table intake_case add column withdrawal_reason text;
