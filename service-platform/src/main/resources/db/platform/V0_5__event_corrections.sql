-- Issue 22, item 6: the owner corrects one of its events by publishing a new event of the same type for the same case
-- that names the one it corrects; every consumer gets it (and closes its dead letter of the original).
alter table outbox_event add column corrects uuid;
