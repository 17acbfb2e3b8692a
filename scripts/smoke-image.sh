#!/usr/bin/env bash
# Smoke test of the backend image, as the Helm chart runs it, against the PostgreSQL and Keycloak that
# scripts/test.sh started (it calls this after the Maven tests; on its own it needs them running, e.g. from
# scripts/run.sh). Builds the image first (scripts/lib/images.sh; the base image is cached).
#
#   1. the chart's migration Job: the image with argument `migrate`, as the owner role, on a fresh database
#   2. the chart's backend container: read-only root filesystem, /tmp a tmpfs, uid 10001, no capabilities,
#      SPRING_FLYWAY_ENABLED=false, the application role, the trusted Keycloak URL
#   3. it becomes ready; a real token (password grant, kz.assessor) gets 200 from GET /api/me with tenant KZ
#   4. it stops gracefully on SIGTERM
#
# Ends with "N passed, M failed". Settings: CUSTODIA_TEST_PG_PORT / CUSTODIA_PG_PORT,
# CUSTODIA_TEST_KEYCLOAK_URL / CUSTODIA_KC_URL, CUSTODIA_SMOKE_PORT (default: first free port from 18080),
# CUSTODIA_SMOKE_SKIP_BUILD=1 to test the image already in .local/podman.
set -euo pipefail
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
CUSTODIA_PG_PORT="${CUSTODIA_TEST_PG_PORT:-$CUSTODIA_PG_PORT}"
CUSTODIA_KC_URL="${CUSTODIA_TEST_KEYCLOAK_URL:-$CUSTODIA_KC_URL}"
# shellcheck source=lib/postgres.sh
. "$CUSTODIA_ROOT/scripts/lib/postgres.sh"
# shellcheck source=lib/images.sh
. "$CUSTODIA_ROOT/scripts/lib/images.sh"

DB=custodia_image_smoke
container="custodia-smoke-$$"
logfile="$CUSTODIA_STATE/logs/image-smoke.log"
passed=0
failed=0
started=$SECONDS

check() { # DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@"; then
    passed=$((passed + 1))
    printf '  \033[32m✔\033[0m %s\n' "$what" >&2
  else
    failed=$((failed + 1))
    printf '  \033[31m✘\033[0m %s\n' "$what" >&2
  fi
}

cleanup() {
  local status=$?
  img_podman rm --force --ignore "$container" >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port="${CUSTODIA_SMOKE_PORT:-18080}"
  if [ -n "${CUSTODIA_SMOKE_PORT:-}" ]; then
    port_open "$port" && die "CUSTODIA_SMOKE_PORT $port is in use"
    printf '%s\n' "$port"
    return
  fi
  while port_open "$port"; do port=$((port + 1)); done
  printf '%s\n' "$port"
}

curl -fsS --max-time 5 "$CUSTODIA_KC_URL/realms/platform/.well-known/openid-configuration" >/dev/null ||
  die "Keycloak does not answer at $CUSTODIA_KC_URL (run this through scripts/test.sh)"
img_install_tools
if [ "${CUSTODIA_SMOKE_SKIP_BUILD:-0}" != 1 ]; then
  img_backend || die "the backend image did not build"
fi
tag="$(img_tag)"
image="localhost/custodia/backend:$tag"
pg_start # reuses the running cluster
pg_reset_database "$DB"
port="$(free_port)"
base_url="http://127.0.0.1:$port"
log "image smoke test: $image on $base_url (database $DB on :$CUSTODIA_PG_PORT, Keycloak $CUSTODIA_KC_URL; log $logfile)"
: >"$logfile"

# What the chart's pods get: host networking replaces the Services here, so the port moves.
run_args=(--runtime runc --network=host --ulimit nofile=4096:4096 --ulimit nproc=4096:4096
  --read-only --tmpfs /tmp:rw,size=64m --cap-drop=ALL --security-opt=no-new-privileges
  --memory=768m --env JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0)

# --- the image itself -----------------------------------------------------------------------------------
inspect() { img_podman image inspect --format "$1" "$image"; }
check "runs as the unprivileged numeric user 10001" test "$(inspect '{{.Config.User}}')" = "10001:10001"
check "carries OCI labels version, source and revision" test \
  "$(inspect '{{index .Config.Labels "org.opencontainers.image.version"}}')" = "$tag" -a \
  -n "$(inspect '{{index .Config.Labels "org.opencontainers.image.source"}}')" -a \
  "$(inspect '{{index .Config.Labels "org.opencontainers.image.revision"}}')" = "$(img_revision)"

# --- 1. the migration Job ---------------------------------------------------------------------------------
migrate() {
  img_podman run --rm --name "$container-migrate" "${run_args[@]}" \
    --env SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
    --env SPRING_FLYWAY_USER="$CUSTODIA_DB_OWNER" \
    --env SPRING_FLYWAY_PASSWORD="$CUSTODIA_DB_OWNER_PASSWORD" \
    --env SPRING_FLYWAY_PLACEHOLDERS_APP_ROLE="$CUSTODIA_DB_APP" \
    "$image" migrate >>"$logfile" 2>&1
}
check "'migrate' applies the migrations as the owner role and exits 0" migrate

# --- 2. the backend container -----------------------------------------------------------------------------
img_podman run --detach --name "$container" "${run_args[@]}" \
  --env SERVER_PORT="$port" \
  --env SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
  --env SPRING_R2DBC_USERNAME="$CUSTODIA_DB_APP" \
  --env SPRING_R2DBC_PASSWORD="$CUSTODIA_DB_APP_PASSWORD" \
  --env SPRING_FLYWAY_ENABLED=false \
  --env CUSTODIA_SECURITY_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
  --env CUSTODIA_SECURITY_PLATFORM_REALM=platform \
  --env CUSTODIA_SECURITY_AUDIENCE=custodia-api \
  "$image" >/dev/null

running() { [ "$(img_podman inspect --format '{{.State.Running}}' "$container" 2>/dev/null)" = true ]; }
ready_or_exited() { ! running || curl -fsS --max-time 2 "$base_url/actuator/health/readiness" >/dev/null; }
ready_started=$SECONDS
wait_until "the backend container" 120 ready_or_exited || true
ready() { curl -fsS --max-time 5 "$base_url/actuator/health/readiness" >/dev/null; }
check "becomes ready (/actuator/health/readiness) in $((SECONDS - ready_started))s" ready
check "is live (/actuator/health/liveness)" curl -fsS --max-time 5 "$base_url/actuator/health/liveness" -o /dev/null
check "serves Prometheus metrics" sh -c "curl -fsS --max-time 5 '$base_url/actuator/prometheus' | grep -q '^jvm_memory_used_bytes'"

# --- 3. an authenticated request ------------------------------------------------------------------------
token="$(curl -fsS --max-time 10 -d grant_type=password -d client_id=custodia-test -d username=kz.assessor \
  -d password=demo "$CUSTODIA_KC_URL/realms/kz/protocol/openid-connect/token" |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')" || token=""
check "gets a token from Keycloak for kz.assessor" test -n "$token"
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
check "refuses GET /api/me without a token (401)" test "$(status_of "$base_url/api/me")" = 401
me="$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$base_url/api/me" 2>>"$logfile")" || me=""
check "answers GET /api/me with 200 for the token" test -n "$me"
check "GET /api/me names tenant KZ and role ASSESSOR" \
  sh -c "printf '%s' '$me' | grep -q '\"code\":\"KZ\"' && printf '%s' '$me' | grep -q '\"ASSESSOR\"'"

# --- 4. graceful shutdown -------------------------------------------------------------------------------
stop_started=$SECONDS
img_podman stop --time 30 "$container" >/dev/null 2>&1 || true
check "stops on SIGTERM within 30s ($((SECONDS - stop_started))s)" test "$((SECONDS - stop_started))" -lt 30
img_podman logs "$container" >>"$logfile" 2>&1 || true
check "logs a graceful shutdown" grep -qi 'graceful shutdown' "$logfile"

pg_stop # only if this script started it
log "image smoke test finished in $((SECONDS - started))s"
if [ "$failed" -gt 0 ]; then
  log "last lines of the container's log ($logfile):"
  tail -n 30 "$logfile" >&2
fi
echo "image-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
