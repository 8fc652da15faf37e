-- Issue 24, item 5: the service runs as its own role (${service_role}), not as the role that owns the schema and runs
-- these migrations. It may read and write the service's tables, present and future (default privileges of the owner),
-- but change no table's definition; on the audit trail it may only insert and read: no update, delete or truncation,
-- no way to drop or disable the append-only triggers (only the owner can), and not its numbering (the identity
-- sequence). The migration history is the owner's.

grant usage on schema public to "${service_role}";
grant select, insert, update, delete on all tables in schema public to "${service_role}";
grant usage, select, update on all sequences in schema public to "${service_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${service_role}";
alter default privileges in schema public grant usage, select, update on sequences to "${service_role}";

revoke update, delete, truncate, references, trigger on audit_record from "${service_role}";
do $$
begin
    execute format('revoke all on sequence %s from %I', pg_get_serial_sequence('audit_record', 'seq'), '${service_role}');
end
$$;
revoke insert, update, delete, truncate, references, trigger on ${flyway:table} from "${service_role}";
