-- Issue 20: the case's phase, persisted and moved only by the lifecycle table (rules/Lifecycle); existing cases get
-- the phase their facts imply. A decision withdrawn by a later fact (not a sarcoma) stays on record, superseded.
alter table board_case add column phase text;
update board_case c set phase = case
    when c.withdrawn then 'WITHDRAWN'
    when c.non_sarcoma then 'OFF_PATHWAY'
    when c.discharged then 'DISCHARGED'
    when c.in_surveillance then 'IN_SURVEILLANCE'
    when c.decided_option is not null and exists (select 1 from treatment t where t.case_id = c.case_id
            and (t.type = 'SURGERY' or t.type like 'NEOADJUVANT%')) then 'IN_TREATMENT'
    when c.decided_option is not null then 'DECIDED'
    when c.meeting_id is not null then 'SCHEDULED'
    when c.workup_complete and c.staged and (c.biopsy_reported or c.biopsy_waiver_reason is not null) then 'READY'
    else 'WAITING' end;
alter table board_case alter column phase set not null;

alter table decision add column superseded_reason text;
alter table decision add column superseded_at timestamptz;
