#!/usr/bin/env bash
# Rewrites the web client's OpenAPI snapshot (frontend/src/api/openapi.json) from what the backend serves, and
# regenerates its TypeScript types (frontend/src/api/schema.d.ts). Run it after changing the API; commit both files.
# Starts PostgreSQL and Keycloak like scripts/test.sh when they are not running, and stops what it started.
set -euo pipefail
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/postgres.sh
. "$CUSTODIA_ROOT/scripts/lib/postgres.sh"
# shellcheck source=lib/keycloak.sh
. "$CUSTODIA_ROOT/scripts/lib/keycloak.sh"

TEST_DB="${CUSTODIA_TEST_DB:-custodia_test}"
stop_started_services() {
  if [ "${KC_STARTED_BY_US:-0}" = 1 ]; then kc_stop; fi
  pg_stop
}
trap stop_started_services EXIT
trap 'exit 130' INT TERM

require_toolchain
pg_ensure_installed
pg_start
pg_ensure_databases "$TEST_DB"
kc_install
kc_start
export CUSTODIA_TEST_PG_PORT="$CUSTODIA_PG_PORT" CUSTODIA_TEST_DB="$TEST_DB" CUSTODIA_TEST_KEYCLOAK_URL="$CUSTODIA_KC_URL"

log "writing frontend/src/api/openapi.json from /v3/api-docs"
(cd "$CUSTODIA_ROOT" && mvn -B -ntp -q verify -Dspotless.check.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=OpenApiSnapshotIT -Dcustodia.openapi.write=true)
log "regenerating frontend/src/api/schema.d.ts"
(cd "$CUSTODIA_ROOT/frontend" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent api:types)
log "done: review and commit frontend/src/api/openapi.json and frontend/src/api/schema.d.ts"
