#!/bin/bash
# One database and login role per service, and Keycloak's, on the first start of the PostgreSQL container.
set -euo pipefail
for owner in intake pathology staging board keycloak; do
    var="${owner^^}_DB_PASSWORD"
    psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE $owner LOGIN PASSWORD '${!var}';
CREATE DATABASE $owner OWNER $owner;
REVOKE ALL ON DATABASE $owner FROM PUBLIC;
SQL
done
