create table board_case (
    case_id         uuid primary key,
    referring_site  text        not null,
    referred_at     timestamptz not null,
    workup_complete boolean     not null default false,
    biopsy_reported boolean     not null default false,
    staged          boolean     not null default false
);
