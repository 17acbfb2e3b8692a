#!/usr/bin/env bash
# Runs the whole platform locally: PostgreSQL, Keycloak with the demo realms, the backend (which applies
# the Flyway migrations as it starts) and the frontend's static server. Ctrl-C stops everything it started.
set -euo pipefail
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/postgres.sh
. "$CUSTODIA_ROOT/scripts/lib/postgres.sh"
# shellcheck source=lib/keycloak.sh
. "$CUSTODIA_ROOT/scripts/lib/keycloak.sh"
# shellcheck source=lib/frontend.sh
. "$CUSTODIA_ROOT/scripts/lib/frontend.sh"

DB="${CUSTODIA_DB:-custodia}"
BACKEND_URL="http://localhost:$CUSTODIA_BACKEND_PORT"
FRONTEND_URL="http://localhost:$CUSTODIA_FRONTEND_PORT"
backend_pid=""
frontend_pid=""
started=$SECONDS

stop_everything() {
  # A second Ctrl-C while stopping must not leave Keycloak or PostgreSQL running behind us.
  trap - EXIT
  trap '' INT TERM
  log "stopping"
  for pid in "$frontend_pid" "$backend_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "$frontend_pid" "$backend_pid"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ "${KC_STARTED_BY_US:-0}" = 1 ]; then kc_stop; fi
  pg_stop
  log "stopped"
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

require_toolchain
for port in "$CUSTODIA_BACKEND_PORT" "$CUSTODIA_FRONTEND_PORT"; do
  port_open "$port" && die "port $port is in use: is Custodia already running? (override with CUSTODIA_BACKEND_PORT / CUSTODIA_FRONTEND_PORT)"
done

log "building the backend"
(cd "$CUSTODIA_ROOT" && mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package)
# --- web client: install its packages when needed and build frontend/dist, which server.mjs serves ---
fe_install
fe_build

pg_ensure_installed
pg_start
pg_ensure_databases "$DB"
kc_install
kc_start

log "starting the backend on $BACKEND_URL (log: $CUSTODIA_STATE/logs/backend.log)"
SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
CUSTODIA_SECURITY_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
SERVER_PORT="$CUSTODIA_BACKEND_PORT" \
  java -jar "$CUSTODIA_ROOT/backend/target/custodia-backend.jar" >"$CUSTODIA_STATE/logs/backend.log" 2>&1 &
backend_pid=$!
backend_ready() { curl -fsS "$BACKEND_URL/actuator/health/readiness" >/dev/null; }
if ! wait_until "the backend" 120 backend_ready; then
  tail -n 40 "$CUSTODIA_STATE/logs/backend.log" >&2
  die "the backend did not become ready"
fi

log "starting the frontend on $FRONTEND_URL (log: $CUSTODIA_STATE/logs/frontend.log)"
PORT="$CUSTODIA_FRONTEND_PORT" CUSTODIA_BACKEND_URL="$BACKEND_URL" CUSTODIA_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
  node "$CUSTODIA_ROOT/frontend/server.mjs" >"$CUSTODIA_STATE/logs/frontend.log" 2>&1 &
frontend_pid=$!
frontend_ready() { curl -fsS "$FRONTEND_URL/" >/dev/null; }
wait_until "the frontend" 30 frontend_ready || die "the frontend did not start; see $CUSTODIA_STATE/logs/frontend.log"

cat <<TXT

  Custodia is running (started in $((SECONDS - started))s). Ctrl-C stops everything.

  Frontend        $FRONTEND_URL
  API             $BACKEND_URL/api/public/tenants   (OpenAPI: $BACKEND_URL/v3/api-docs)
  Health          $BACKEND_URL/actuator/health
  Keycloak        $CUSTODIA_KC_URL/admin   (admin / admin, dev only)
  PostgreSQL      127.0.0.1:$CUSTODIA_PG_PORT/$DB

  Demo logins (password "demo" for all; dev only):
    Kazakhstan (realm kz)   kz.admin  kz.assessor  kz.supervisor  kz.analyst  kz.auditor
    Kyrgyzstan (realm kg)   kg.admin  kg.assessor  kg.supervisor  kg.analyst  kg.auditor
    Platform (realm platform)  platform.admin  programme.coordinator

  A token for the API, e.g.:
    curl -s -d grant_type=password -d client_id=custodia-test -d username=kz.assessor -d password=demo \\
      $CUSTODIA_KC_URL/realms/kz/protocol/openid-connect/token

TXT

# Stay up until Ctrl-C, or until the backend or the frontend stops by itself.
wait -n "$backend_pid" "$frontend_pid" || true
log "a process stopped by itself; see $CUSTODIA_STATE/logs"
exit 1
