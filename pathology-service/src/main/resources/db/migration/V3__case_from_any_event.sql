-- A board event may reach pathology before intake's referral (two topics, any order): the case is created by
-- whichever comes first, and the referral fills in the site and the referral time.
alter table pathology_case alter column referring_site drop not null;
alter table pathology_case alter column referred_at drop not null;
