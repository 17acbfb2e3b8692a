#!/usr/bin/env bash
# The web client (frontend/) for the run and test scripts. Source it after common.sh; do not execute it.
#
#   fe_install         npm ci when node_modules is missing or older than package-lock.json
#   fe_unit_tests      Vitest unit tests and the static server's node:test tests
#   fe_build           type check, production build into frontend/dist, bundle budget check
#   fe_ensure_chromium Debian's chromium for the end-to-end tests (apt-get, once)
#   fe_e2e DB          starts the backend jar (database DB) and the frontend server on their ports, runs the
#                      end-to-end tests against them and the running PostgreSQL and Keycloak, stops both
#
# shellcheck shell=bash disable=SC2153 # settings come from common.sh

CUSTODIA_FE_DIR="$CUSTODIA_ROOT/frontend"
CUSTODIA_CHROMIUM="${CUSTODIA_CHROMIUM:-/usr/bin/chromium}"
# custodia-web's redirect URIs in keycloak/realms (dev only) allow these ports; any other cannot sign in.
CUSTODIA_FE_SIGNIN_PORTS="5173 5183 5193 5203 5213"

fe_install() {
  local stamp="$CUSTODIA_FE_DIR/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ ! "$CUSTODIA_FE_DIR/package-lock.json" -nt "$stamp" ]; then
    return 0
  fi
  log "installing the frontend's packages (npm ci)"
  (cd "$CUSTODIA_FE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
}

fe_unit_tests() {
  (cd "$CUSTODIA_FE_DIR" && npm run --silent test)
}

fe_build() {
  log "building the frontend (frontend/dist)"
  (cd "$CUSTODIA_FE_DIR" && npm run --silent build)
}

fe_ensure_chromium() {
  [ -x "$CUSTODIA_CHROMIUM" ] && return 0
  command -v apt-get >/dev/null || die "the end-to-end tests need Chromium at $CUSTODIA_CHROMIUM (set CUSTODIA_CHROMIUM)"
  log "installing Chromium (Debian package chromium) for the end-to-end tests"
  if ! apt-cache show chromium >/dev/null 2>&1; then
    as_root apt-get update
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  [ -x "$CUSTODIA_CHROMIUM" ] || die "apt-get installed chromium but $CUSTODIA_CHROMIUM is missing"
}

fe_e2e() (
  local db="$1"
  local backend_url="http://localhost:$CUSTODIA_BACKEND_PORT" frontend_url="http://localhost:$CUSTODIA_FRONTEND_PORT"
  local backend_pid="" frontend_pid="" port
  stop_e2e_services() {
    local pid
    # || true: under set -e, the status of a process we stopped (143) must not become the tests' status.
    for pid in "$frontend_pid" "$backend_pid"; do [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; done
    for pid in "$frontend_pid" "$backend_pid"; do [ -z "$pid" ] || wait "$pid" 2>/dev/null || true; done
  }
  trap stop_e2e_services EXIT

  case " $CUSTODIA_FE_SIGNIN_PORTS " in
    *" $CUSTODIA_FRONTEND_PORT "*) ;;
    *) die "CUSTODIA_FRONTEND_PORT=$CUSTODIA_FRONTEND_PORT: Keycloak's custodia-web client accepts only ports $CUSTODIA_FE_SIGNIN_PORTS (keycloak/realms)" ;;
  esac
  for port in "$CUSTODIA_BACKEND_PORT" "$CUSTODIA_FRONTEND_PORT"; do
    port_open "$port" && die "port $port is in use: the end-to-end tests start the backend and the frontend there (set CUSTODIA_BACKEND_PORT / CUSTODIA_FRONTEND_PORT)"
  done
  fe_ensure_chromium
  [ -f "$CUSTODIA_ROOT/backend/target/custodia-backend.jar" ] || die "backend/target/custodia-backend.jar is missing (mvn package)"
  [ -f "$CUSTODIA_FE_DIR/dist/index.html" ] || die "frontend/dist is missing (npm run build)"

  log "end-to-end: backend on $backend_url (database $db), frontend on $frontend_url"
  SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$db" \
  SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$db" \
  CUSTODIA_SECURITY_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
  SERVER_PORT="$CUSTODIA_BACKEND_PORT" \
    java -jar "$CUSTODIA_ROOT/backend/target/custodia-backend.jar" >"$CUSTODIA_STATE/logs/backend-e2e.log" 2>&1 &
  backend_pid=$!
  PORT="$CUSTODIA_FRONTEND_PORT" CUSTODIA_BACKEND_URL="$backend_url" CUSTODIA_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
    node "$CUSTODIA_FE_DIR/server.mjs" >"$CUSTODIA_STATE/logs/frontend-e2e.log" 2>&1 &
  frontend_pid=$!
  if ! wait_until "the backend" 120 curl -fsS "$backend_url/actuator/health/readiness"; then
    tail -n 40 "$CUSTODIA_STATE/logs/backend-e2e.log" >&2
    die "the backend did not become ready for the end-to-end tests"
  fi
  wait_until "the frontend" 30 curl -fsS "$frontend_url/config.json" \
    || die "the frontend server did not start; see $CUSTODIA_STATE/logs/frontend-e2e.log"

  log "end-to-end tests (Chromium $CUSTODIA_CHROMIUM; screenshots in docs/screenshots)"
  (cd "$CUSTODIA_FE_DIR" && CUSTODIA_E2E_BASE_URL="$frontend_url" CUSTODIA_E2E_CHROMIUM="$CUSTODIA_CHROMIUM" \
    node --test --test-concurrency=1 --test-reporter=tap e2e/)
)
