create table pathology_report (
    report_id       uuid primary key,
    case_id         uuid        not null references pathology_case (case_id),
    kind            text        not null,
    created_at      timestamptz not null,
    current_version int         not null
);

create index pathology_report_case on pathology_report (case_id, created_at);

-- A report is never overwritten: each amendment is a new version, with who, when and why.
create table report_version (
    id               uuid primary key,
    report_id        uuid        not null references pathology_report (report_id),
    version          int         not null,
    recorded_at      timestamptz not null,
    recorded_by      text        not null,
    amendment_reason text,
    content          text        not null,
    result           text        not null,
    unique (report_id, version)
);
