-- Issue 20, path 2: a recurrence found in surveillance is staged again with prefix r, from the board's event.
alter table staging_case add column recurrence text;
alter table staging_case add column recurrence_event_id uuid;
alter table staging_case add column recurrence_event_type text;
alter table staging_case add column recurrence_at timestamptz;
