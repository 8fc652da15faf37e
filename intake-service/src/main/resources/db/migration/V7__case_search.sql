-- The case list searched and paged in SQL at network scale (50,000 cases and more): newest referral first, per site,
-- and the search box's prefixes (the start of a case id, an MRN, a given or family name), case-insensitive.
create index intake_case_referred on intake_case (referred_at desc, case_id);
create index intake_case_site_referred on intake_case (referring_site, referred_at desc, case_id);
create index intake_case_status_referred on intake_case (status, referred_at desc, case_id);
create index intake_case_id_prefix on intake_case ((cast(case_id as varchar)) varchar_pattern_ops);
create index patient_mrn_prefix on patient (lower(mrn) text_pattern_ops);
create index patient_family_name_prefix on patient (lower(family_name) text_pattern_ops);
create index patient_given_name_prefix on patient (lower(given_name) text_pattern_ops);
