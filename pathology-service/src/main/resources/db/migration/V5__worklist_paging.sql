-- The worklist paged in SQL at network scale: what still waits for a report, oldest first, for every site or one.
create index pathology_case_waiting on pathology_case (awaiting_since, case_id) where awaiting <> 'NOTHING';
create index pathology_case_site_waiting on pathology_case (referring_site, awaiting_since, case_id) where awaiting <> 'NOTHING';
