-- Queries select cases by their phase (placement: READY without a meeting; follow-through: DECIDED, IN_TREATMENT), per
-- site for a spoke; every case ever seen stays in the table, so these must not scan it.
create index board_case_phase on board_case (phase, referring_site);
create index board_case_meeting on board_case (meeting_id) where meeting_id is not null;
