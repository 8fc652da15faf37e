-- Issue 22, item 6: the owner corrects one of its events by publishing a new event of the same type for the same case
-- that names the one it corrects; every consumer gets it (and closes its dead letter of the original).
alter table outbox_event add column corrects uuid;

-- An event is corrected once: a second correction (two operators at once) fails here rather than publish twice.
create unique index outbox_event_one_correction on outbox_event (corrects) where corrects is not null;
