create table patient (
    id          uuid primary key,
    site        text not null,
    mrn         text not null,
    given_name  text not null,
    family_name text not null,
    birth_date  date not null,
    sex         text not null,
    constraint patient_site_mrn unique (site, mrn)
);

create table intake_case (
    case_id                   uuid primary key,
    patient_id                uuid        not null references patient (id),
    referring_site            text        not null,
    status                    text        not null,
    clinical_question         text        not null,
    neoadjuvant_considered    boolean     not null,
    ct_abdomen_pelvis_date    date,
    chest_modality            text,
    chest_date                date,
    greatest_dimension_cm     numeric(4, 1),
    side                      text,
    compartment               text,
    macroscopic_fat           boolean,
    solid_enhancing_component boolean,
    suspicious_nodes          boolean,
    distant_lesions           boolean,
    suspected_non_sarcoma     text,
    referred_at               timestamptz not null,
    referred_by               text        not null
);

create index intake_case_site_status on intake_case (referring_site, status);
create index intake_case_patient on intake_case (patient_id);

create table timeline_entry (
    id          uuid primary key,
    case_id     uuid        not null references intake_case (case_id),
    event_id    uuid        not null unique,
    type        text        not null,
    occurred_at timestamptz not null,
    summary     text        not null
);

create index timeline_entry_case on timeline_entry (case_id, occurred_at);
