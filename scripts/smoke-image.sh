#!/usr/bin/env bash
# Smoke test of the images, as the Helm chart runs them, against the PostgreSQL and Keycloak that
# scripts/test.sh started (it calls this after the Maven tests; on its own it needs them running, e.g. from
# scripts/run.sh). Builds the image first (scripts/lib/images.sh; the base image is cached).
#
#   1. the chart's migration Job: the image with argument `migrate`, as the owner role, on a fresh database
#   2. the chart's backend container: read-only root filesystem, /tmp a tmpfs, uid 10001, no capabilities,
#      SPRING_FLYWAY_ENABLED=false, the application role, the trusted Keycloak URL
#   3. it becomes ready; a real token (password grant, kz.assessor) gets 200 from GET /api/me with tenant KZ
#   4. it stops gracefully on SIGTERM
#   5. the frontend image (read-only, uid 10001, the chart's config.json and headers mounted) serves the SPA,
#      its runtime configuration, SPA routes and 404s
#
# Ends with "N passed, M failed". Settings: CUSTODIA_TEST_PG_PORT / CUSTODIA_PG_PORT,
# CUSTODIA_TEST_KEYCLOAK_URL / CUSTODIA_KC_URL, CUSTODIA_SMOKE_SKIP_BUILD=1 to test the images already in
# .local/podman. Host networking: the containers listen on the first free ports from 18080 (backend) and
# 18180 (frontend), never on the 8080 the chart uses, which a developer's backend may hold.
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
  img_podman rm --force --ignore "$container" "$container-migrate" "$container-frontend" >/dev/null 2>&1 || true
  pg_stop # only if this script started it
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { # FIRST: prints the first port from FIRST that nothing listens on
  local port="$1"
  while port_open "$port"; do port=$((port + 1)); done
  printf '%s\n' "$port"
}

curl -fsS --max-time 5 "$CUSTODIA_KC_URL/realms/platform/.well-known/openid-configuration" >/dev/null ||
  die "Keycloak does not answer at $CUSTODIA_KC_URL (run this through scripts/test.sh)"
img_install_tools
if [ "${CUSTODIA_SMOKE_SKIP_BUILD:-0}" != 1 ]; then
  img_backend || die "the backend image did not build"
  img_frontend || die "the frontend image did not build"
fi
tag="$(img_tag)"
image="localhost/custodia/backend:$tag"
pg_start # reuses the running cluster
pg_reset_database "$DB"
port="$(free_port 18080)"
base_url="http://127.0.0.1:$port"
log "image smoke test: $image on $base_url (database $DB on :$CUSTODIA_PG_PORT, Keycloak $CUSTODIA_KC_URL; log $logfile)"
: >"$logfile"

# What the chart's pods get: host networking replaces the Services here, so the port moves. The chart
# tests check that every variable the chart sets for the backend and the migration Job is set here too.
# shellcheck disable=SC2054 # the commas belong to --tmpfs's options
run_args=(--runtime runc --network=host --ulimit nofile=4096:4096 --ulimit nproc=4096:4096
  --read-only --tmpfs /tmp:rw,size=64m --cap-drop=ALL --security-opt=no-new-privileges
  --memory=768m --env JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0)

# --- the image itself -----------------------------------------------------------------------------------
labelled() { # IMAGE: OCI labels version (the tag), source and revision (a commit) are set
  local format='{{index .Config.Labels "org.opencontainers.image.version"}} {{index .Config.Labels "org.opencontainers.image.source"}} {{index .Config.Labels "org.opencontainers.image.revision"}}'
  local version source revision
  read -r version source revision < <(img_podman image inspect --format "$format" "$1")
  [ "$version" = "$tag" ] && [ -n "$source" ] && [[ "$revision" =~ ^[0-9a-f]{40}$ ]]
}
check "runs as the unprivileged numeric user 10001" \
  test "$(img_podman image inspect --format '{{.Config.User}}' "$image")" = "10001:10001"
check "carries OCI labels version, source and revision" labelled "$image"

# --- 1. the migration Job ---------------------------------------------------------------------------------
migrate() {
  img_podman run --rm --name "$container-migrate" "${run_args[@]}" \
    --env SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
    --env SPRING_FLYWAY_USER="$CUSTODIA_DB_OWNER" \
    --env SPRING_FLYWAY_PASSWORD="$CUSTODIA_DB_OWNER_PASSWORD" \
    --env SPRING_FLYWAY_PLACEHOLDERS_APP_ROLE="$CUSTODIA_DB_APP" \
    --env SPRING_FLYWAY_PLACEHOLDERS_INDICATORS_ROLE="$CUSTODIA_DB_INDICATORS" \
    --env SPRING_FLYWAY_CONNECT_RETRIES=5 \
    "$image" migrate >>"$logfile" 2>&1
}
check "'migrate' applies the migrations as the owner role and exits 0" migrate

# --- 2. the backend container -----------------------------------------------------------------------------
img_podman run --detach --name "$container" "${run_args[@]}" \
  --env SERVER_PORT="$port" \
  --env SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
  --env SPRING_R2DBC_USERNAME="$CUSTODIA_DB_APP" \
  --env SPRING_R2DBC_PASSWORD="$CUSTODIA_DB_APP_PASSWORD" \
  --env CUSTODIA_INDICATORS_USERNAME="$CUSTODIA_DB_INDICATORS" \
  --env CUSTODIA_INDICATORS_PASSWORD="$CUSTODIA_DB_INDICATORS_PASSWORD" \
  --env SPRING_FLYWAY_ENABLED=false \
  --env CUSTODIA_SECURITY_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
  --env CUSTODIA_SECURITY_PLATFORM_REALM=platform \
  --env CUSTODIA_SECURITY_AUDIENCE=custodia-api \
  --env CUSTODIA_ONBOARDING_KEYCLOAK_WEBURLS="http://localhost:5173" \
  --env CUSTODIA_ONBOARDING_KEYCLOAK_CLIENT_ID=custodia-provisioner \
  --env CUSTODIA_ONBOARDING_KEYCLOAK_CLIENT_SECRET=custodia-provisioner-dev-only \
  --env SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE=30s \
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

check "publishes the latency histogram the chart's p99 alert reads" \
  sh -c "curl -fsS --max-time 5 '$base_url/actuator/prometheus' | grep -q '^http_server_requests_seconds_bucket{.*uri=\"/api/me\"'"

# --- 4. graceful shutdown -------------------------------------------------------------------------------
stop_started=$SECONDS
img_podman stop --time 30 "$container" >/dev/null 2>&1 || true
check "stops on SIGTERM within 30s ($((SECONDS - stop_started))s)" test "$((SECONDS - stop_started))" -lt 30
img_podman logs "$container" >>"$logfile" 2>&1 || true
check "logs a graceful shutdown" grep -qi 'graceful shutdown' "$logfile"

# --- 5. the frontend image ------------------------------------------------------------------------------
fe_image="localhost/custodia/frontend:$tag"
fe_port="$(free_port 18180)"
fe_url="http://127.0.0.1:$fe_port"
fe_dir="$CUSTODIA_STATE/smoke-frontend"
rm -rf "$fe_dir" && mkdir -p "$fe_dir"
# The chart's ConfigMap in miniature; the port moves off 8080 because of host networking.
sed -e "s/listen 8080;/listen 127.0.0.1:$fe_port;/" -e '/listen \[::\]:8080;/d' \
  "$CUSTODIA_ROOT/images/frontend/nginx.conf" >"$fe_dir/nginx.conf"
printf '{"apiBaseUrl": "", "keycloakUrl": "https://auth.smoke.example"}\n' >"$fe_dir/config.json"
sed "s#connect-src 'self' http://localhost:8180#connect-src 'self' https://auth.smoke.example#" \
  "$CUSTODIA_ROOT/images/frontend/headers.conf" >"$fe_dir/headers.conf"
chmod 0644 "$fe_dir"/*
img_podman run --detach --name "$container-frontend" "${run_args[@]}" \
  --volume "$fe_dir/nginx.conf:/etc/nginx/nginx.conf:ro" \
  --volume "$fe_dir/config.json:/etc/custodia/config.json:ro" \
  --volume "$fe_dir/headers.conf:/etc/nginx/custodia.d/headers.conf:ro" \
  "$fe_image" >/dev/null
fe_ready() { curl -fsS --max-time 2 "$fe_url/healthz" >/dev/null; }
wait_until "the frontend container" 30 fe_ready || true
check "frontend: runs as the unprivileged numeric user 10001" \
  test "$(img_podman image inspect --format '{{.Config.User}}' "$fe_image")" = "10001:10001"
check "frontend: carries OCI labels version, source and revision" labelled "$fe_image"
check "frontend: answers /healthz" fe_ready
headers="$(curl -fsS --max-time 5 -D - -o "$fe_dir/index.out" "$fe_url/" 2>>"$logfile")" || headers=""
check "frontend: serves index.html with the mounted Content-Security-Policy" \
  sh -c "printf '%s' \"\$1\" | grep -qi \"^content-security-policy: .*connect-src 'self' https://auth.smoke.example\" && grep -qi '<html' '$fe_dir/index.out'" _ "$headers"
check "frontend: serves the mounted /config.json" \
  sh -c "curl -fsS --max-time 5 '$fe_url/config.json' | grep -q 'https://auth.smoke.example'"
check "frontend: answers an SPA route with index.html" \
  sh -c "curl -fsS --max-time 5 '$fe_url/prisoners/123' | cmp -s - '$fe_dir/index.out'"
check "frontend: answers a missing file with 404" test "$(status_of "$fe_url/missing.js")" = 404
img_podman logs "$container-frontend" >>"$logfile" 2>&1 || true
img_podman stop --time 10 "$container-frontend" >/dev/null 2>&1 || true

log "image smoke test finished in $((SECONDS - started))s"
if [ "$failed" -gt 0 ]; then
  log "last lines of the containers' log ($logfile):"
  tail -n 30 "$logfile" >&2
fi
echo "image-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
