-- An event is corrected once: a second correction (two operators at once) fails here rather than publish twice.
create unique index outbox_event_one_correction on outbox_event (corrects) where corrects is not null;
