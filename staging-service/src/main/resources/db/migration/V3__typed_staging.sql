-- Typed persistence (issue 18): a staging's inputs as jsonb (read by Hibernate as records), the changed inputs as an
-- array, the failure pattern as its enum's name. Existing rows are converted, nothing is lost.
alter table staging alter column inputs type jsonb using inputs::jsonb;

alter table staging add column changed_names text[];
update staging set changed_names = array(select jsonb_array_elements_text(changed::jsonb));
alter table staging alter column changed_names set not null;
alter table staging drop column changed;
alter table staging rename column changed_names to changed;
