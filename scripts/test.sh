#!/usr/bin/env bash
# Runs every test: the frontend's, then the backend's unit tests (Surefire) and integration tests (Failsafe)
# against a real PostgreSQL and a real Keycloak. Starts them when they are not running already, and stops
# what it started. Usage: scripts/test.sh [extra Maven arguments, e.g. -Dit.test=RowLevelSecurityIT]
set -euo pipefail
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/postgres.sh
. "$CUSTODIA_ROOT/scripts/lib/postgres.sh"
# shellcheck source=lib/keycloak.sh
. "$CUSTODIA_ROOT/scripts/lib/keycloak.sh"
# shellcheck source=lib/frontend.sh
. "$CUSTODIA_ROOT/scripts/lib/frontend.sh"

TEST_DB="${CUSTODIA_TEST_DB:-custodia_test}"
started=$SECONDS

stop_started_services() {
  local status=$?
  if [ "${KC_STARTED_BY_US:-0}" = 1 ]; then kc_stop; fi
  pg_stop
  log "tests finished in $((SECONDS - started))s with exit status $status"
  exit "$status"
}
trap stop_started_services EXIT
trap 'exit 130' INT TERM

require_toolchain

# --- web client: unit tests, then the production build (type check, bundle budget) the end-to-end tests use ---
log "frontend tests"
fe_install
fe_unit_tests
fe_build

pg_ensure_installed
pg_start
# A fresh schema each run, so the migrations are tested from scratch too.
pg_reset_database "$TEST_DB"
kc_install
kc_start

export CUSTODIA_TEST_PG_PORT="$CUSTODIA_PG_PORT"
export CUSTODIA_TEST_DB="$TEST_DB"
export CUSTODIA_TEST_KEYCLOAK_URL="$CUSTODIA_KC_URL"

log "backend tests (unit, then integration against PostgreSQL :$CUSTODIA_PG_PORT and Keycloak $CUSTODIA_KC_URL)"
(cd "$CUSTODIA_ROOT" && mvn -B -ntp verify "$@")

# --- web client: end-to-end tests against the real stack, while PostgreSQL and Keycloak are still up ---
# CUSTODIA_SKIP_E2E=1 skips them (e.g. when running one Maven test class).
if [ "${CUSTODIA_SKIP_E2E:-0}" != 1 ]; then
  fe_e2e "$TEST_DB"
fi

# --- Images and Kubernetes (issue 8) ------------------------------------------------------------------
# The Helm chart's tests (helm lint --strict, helm template for every ci/ file, assertions on the parsed
# manifests), then both images built and smoke-tested as the chart runs them, against the PostgreSQL and
# Keycloak above. CUSTODIA_TEST_IMAGES=0 skips this block (e.g. when running one integration test).
if [ "${CUSTODIA_TEST_IMAGES:-1}" = 1 ]; then
  # shellcheck source=lib/helm.sh
  . "$CUSTODIA_ROOT/scripts/lib/helm.sh"
  helm_install
  promtool_install
  log "chart tests (Helm $CUSTODIA_HELM_VERSION)"
  (cd "$CUSTODIA_ROOT/helm/test" && npm ci --silent --no-audit --no-fund && npm test --silent)
  log "image smoke tests"
  "$CUSTODIA_ROOT/scripts/smoke-image.sh"
fi
