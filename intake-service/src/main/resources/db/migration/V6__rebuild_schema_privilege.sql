-- Issue 24, item 5: the service runs as a role that owns no table and creates no schema. The registry rebuild
-- (RegistryRebuild) builds the new registry beside the live one, in tables of this schema, which belongs to the owner:
-- the service's role may create, fill and drop its own tables here, and nothing anywhere else.
create schema registry_rebuild;
grant usage, create on schema registry_rebuild to "${service_role}";
