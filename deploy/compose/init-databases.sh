#!/bin/bash
# On the first start of the PostgreSQL container: one database per service, owned by the service's owner role (which
# runs its migrations), and the service's own login role, which the migrations grant only what the service may do
# (issue 24, item 5: no DDL, on the audit trail only insert and read). Keycloak's database has one role.
set -euo pipefail
for service in intake pathology staging board fhir; do
    password="${service^^}_DB_PASSWORD"
    owner_password="${service^^}_DB_OWNER_PASSWORD"
    psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE ${service}_owner LOGIN PASSWORD '${!owner_password}';
CREATE ROLE $service LOGIN PASSWORD '${!password}';
CREATE DATABASE $service OWNER ${service}_owner;
REVOKE ALL ON DATABASE $service FROM PUBLIC;
GRANT CONNECT ON DATABASE $service TO $service;
SQL
done
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE keycloak LOGIN PASSWORD '${KEYCLOAK_DB_PASSWORD}';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
