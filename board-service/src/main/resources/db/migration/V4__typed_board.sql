-- Typed persistence (issue 18): code lists as arrays, a decision's recorded votes as jsonb (read by Hibernate as
-- records). Existing rows are converted: an empty alert list stays empty, a missing one stays null.
alter table board_case alter column alerts type text[]
    using case when alerts is null then null when alerts = '' then '{}'::text[] else string_to_array(alerts, ',') end;
alter table treatment alter column organs type text[] using string_to_array(organs, ',');
alter table surveillance_visit alter column exams type text[] using string_to_array(exams, ',');
alter table decision alter column votes type jsonb using votes::jsonb;
