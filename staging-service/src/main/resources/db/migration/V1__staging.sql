create table staging_case (
    case_id               uuid primary key,
    referring_site        text not null,
    greatest_dimension_cm numeric(4, 1),
    suspicious_nodes      boolean,
    distant_lesions       boolean,
    grade                 text,
    size_event_id         uuid
);
