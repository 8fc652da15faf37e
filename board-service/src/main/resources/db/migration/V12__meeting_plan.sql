-- The chair plans a meeting as the room is booked: a start time and a room, changed when it is rescheduled; a meeting
-- cancelled before it took place is closed and says so (its undecided cases go to the next meeting with room).
alter table meeting add column start_time time;
alter table meeting add column room text;
alter table meeting add column cancelled boolean not null default false;
