-- Typed persistence (issue 18): each report version's content and result as jsonb (read by Hibernate, not parsed by
-- hand), and a resection version's margin in a column of its own, so that the R0 figures are a query on one column.
alter table report_version alter column content type jsonb using content::jsonb;
alter table report_version alter column result type jsonb using result::jsonb;

alter table report_version add column margin text check (margin in ('R0', 'R1', 'R2'));
update report_version v set margin = v.result ->> 'margin'
from pathology_report r
where r.report_id = v.report_id and r.kind = 'RESECTION';
