-- Issue 19, item 7: imaging findings that resectability depends on. Vessel involvement as a jsonb list of
-- {"vessel", "extent"}; organs abutted as the codes organsResected uses. Both optional; existing cases have none.
alter table intake_case add column vessel_involvement jsonb;
alter table intake_case add column organs_abutted text[];
