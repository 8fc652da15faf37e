-- The audit trail (issue #11, architecture.md Security): every read of patient identity and every clinical write, with
-- who, when, what, the case and the outcome. Append-only: the triggers below refuse any update, delete or truncation,
-- whoever asks, so neither an endpoint nor a bug in the service can rewrite history.

create table audit_record (
    id                 uuid primary key,
    seq                bigint generated always as identity unique,
    recorded_at        timestamptz not null,
    actor              text        not null,
    roles              text        not null,
    site               text,
    action             text        not null,
    http_method        text        not null,
    path               text        not null,
    case_id            uuid,
    outcome            text        not null,
    status             int         not null,
    identity_disclosed boolean     not null,
    detail             text
);

create index audit_record_case on audit_record (case_id, recorded_at);
create index audit_record_actor on audit_record (actor, recorded_at);
create index audit_record_time on audit_record (recorded_at);

create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records cannot be changed or deleted' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_record_no_update_or_delete before update or delete on audit_record
    for each row execute function audit_record_is_append_only();

create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_is_append_only();
