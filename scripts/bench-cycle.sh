#!/usr/bin/env bash
# The cycle benchmark (issue 4): sustained assessment submissions (start, save answers, submit with scoring and
# audit) and reads of prisoners' case files, over HTTP against the local stack, each beside pgbench running the
# same SQL on the same database in the same run. Prints requests per second, p50/p99 and the ratio HTTP / pgbench.
# See docs/benchmarks.md. Tunables: CUSTODIA_BENCH_PRISONERS, _USERS, _CLIENTS, _SECONDS, _WARMUP; the backend's JVM
# options (e.g. a JFR recording) in CUSTODIA_BENCH_BACKEND_JAVA_OPTS.
set -euo pipefail
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/postgres.sh
. "$CUSTODIA_ROOT/scripts/lib/postgres.sh"
# shellcheck source=lib/keycloak.sh
. "$CUSTODIA_ROOT/scripts/lib/keycloak.sh"

DB=custodia_bench
PORT="${CUSTODIA_BENCH_BACKEND_PORT:-8089}"
BACKEND_URL="http://localhost:$PORT"
PRISONERS="${CUSTODIA_BENCH_PRISONERS:-5000}"
USERS="${CUSTODIA_BENCH_USERS:-32}"
# pgbench gets as many connections as the service's pool (spring.r2dbc.pool.max-size): the same database concurrency.
CLIENTS="${CUSTODIA_BENCH_CLIENTS:-20}"
DURATION="${CUSTODIA_BENCH_SECONDS:-30}"
WARMUP="${CUSTODIA_BENCH_WARMUP:-10}"
KZ_TENANT=01900000-0000-7000-8000-00000000004b
OUT="$CUSTODIA_STATE/bench/cycle-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
backend_pid=""

stop_everything() {
  trap - EXIT INT TERM
  [ -n "$backend_pid" ] && kill "$backend_pid" 2>/dev/null && wait "$backend_pid" 2>/dev/null || true
  if [ "${KC_STARTED_BY_US:-0}" = 1 ]; then kc_stop; fi
  pg_stop
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

require_toolchain
port_open "$PORT" && die "port $PORT is in use (override with CUSTODIA_BENCH_BACKEND_PORT)"

log "building the backend"
(cd "$CUSTODIA_ROOT" && mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package)
pg_ensure_installed
pg_start
pg_ensure_databases "$DB"
pg_reset_database "$DB"
kc_install
kc_start

log "starting the backend on $BACKEND_URL (log: $OUT/backend.log)"
SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
CUSTODIA_SECURITY_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
SERVER_PORT="$PORT" \
LOGGING_LEVEL_CUSTODIA_ACCESS=WARN \
  java ${CUSTODIA_BENCH_BACKEND_JAVA_OPTS:-} -jar "$CUSTODIA_ROOT/backend/target/custodia-backend.jar" >"$OUT/backend.log" 2>&1 &
backend_pid=$!
backend_ready() { curl -fsS "$BACKEND_URL/actuator/health/readiness" >/dev/null; }
wait_until "the backend" 120 backend_ready || die "the backend did not become ready; see $OUT/backend.log"

as_owner() {
  PGPASSWORD="$CUSTODIA_DB_OWNER_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$CUSTODIA_PG_PORT" -U "$CUSTODIA_DB_OWNER" "$DB" "$@"
}
log "seeding $PRISONERS prisoners"
as_owner -o /dev/null -v count="$PRISONERS" -f "$CUSTODIA_ROOT/scripts/bench/seed.sql"
# as_owner_in_kz SQL: rows of a query run as the owner inside the Kazakhstan tenant (row-level security applies).
as_owner_in_kz() {
  as_owner -At <<SQL
\o /dev/null
select set_config('app.tenant_id', '$KZ_TENANT', false);
\o
$1
SQL
}
as_owner_in_kz "select id from prisoner where number like 'BENCH-%'" >"$OUT/prisoners.txt"
VERSION_ID="$(as_owner_in_kz "select v.id from instrument_version v join instrument i on i.id = v.instrument_id
  where i.code = 'custody_rating' and v.status = 'PUBLISHED'")"

token() {
  curl -fsS -d grant_type=password -d client_id=custodia-test -d username=kz.assessor -d password=demo \
    "$CUSTODIA_KC_URL/realms/kz/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# pgbench as the service's role, so row-level security costs the same; prints "tps p50 p99".
pgbench_run() {
  local script="$1" name="$2"
  local run=(env PGPASSWORD="$CUSTODIA_DB_APP_PASSWORD" "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$CUSTODIA_PG_PORT"
    -U "$CUSTODIA_DB_APP" -c "$CLIENTS" -j 2 -M prepared -D tenant="$KZ_TENANT" -D count="$PRISONERS"
    -D version="$VERSION_ID" -D answers="$(tr -d '\n' <"$ANSWERS")" -D result="$(cat "$OUT/result.json")" -f "$CUSTODIA_ROOT/scripts/bench/$script" "$DB")
  "${run[@]}" -T "$WARMUP" >"$OUT/$name-warmup.txt" 2>&1 || return 0
  "${run[@]}" -T "$DURATION" -l --log-prefix="$OUT/$name-log" >"$OUT/$name.txt" 2>&1 || return 0
  local tps
  tps="$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$OUT/$name.txt")"
  cat "$OUT/$name-log".* | awk '{print $3}' | sort -n >"$OUT/$name.latencies"
  local n
  n="$(wc -l <"$OUT/$name.latencies")"
  printf '%s %s %s\n' "$tps" \
    "$(sed -n "$(( (n + 1) / 2 ))p" "$OUT/$name.latencies" | awk '{printf "%.2f", $1 / 1000}')" \
    "$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$OUT/$name.latencies" | awk '{printf "%.2f", $1 / 1000}')"
}

http_run() {
  local scenario="$1"
  token >"$OUT/token"
  java "$CUSTODIA_ROOT/backend/src/test/java/org/custodia/bench/CycleLoad.java" "$BACKEND_URL" "$OUT/token" \
    "$scenario" "$OUT/prisoners.txt" "$USERS" "$WARMUP" "$DURATION" "$ANSWERS" "$VERSION_ID" | tee "$OUT/http-$scenario.txt"
}

# The custody rating answers of the hand-computed case the integration tests use, and the result the service
# stores for them, captured from one real submission so pgbench writes documents of the same size.
ANSWERS="$CUSTODIA_ROOT/backend/src/test/resources/methodology/cases/custody-rating-high.json"
capture_result() {
  token >"$OUT/token"
  TOKEN="$(cat "$OUT/token")" BASE="$BACKEND_URL" VERSION_ID="$VERSION_ID" PRISONER="$(head -n 1 "$OUT/prisoners.txt")" \
  ANSWERS="$ANSWERS" node --input-type=module -e '
    import { readFileSync } from "node:fs";
    import { randomUUID } from "node:crypto";
    const { TOKEN, BASE, VERSION_ID, PRISONER, ANSWERS } = process.env;
    const call = async (method, path, body, headers = {}) => {
      const response = await fetch(BASE + path, { method, body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", ...headers } });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
      return response.json();
    };
    const started = await call("POST", "/api/assessments", { prisonerId: PRISONER, instrumentVersionId: VERSION_ID });
    const answers = JSON.parse(readFileSync(ANSWERS, "utf8"));
    const answered = await call("PATCH", `/api/assessments/${started.id}`, { version: started.version, answers });
    const submitted = await call("POST", `/api/assessments/${started.id}/submission`, { version: answered.version },
      { "Idempotency-Key": randomUUID() });
    process.stdout.write(JSON.stringify(submitted.scoring));
  ' >"$OUT/result.json"
}

field() { sed -nE "s/^$1 .*$2=([0-9.]+).*/\1/p" "$3"; }

capture_result
log "reads: pgbench ($CLIENTS clients), then HTTP ($USERS users), ${DURATION}s each after ${WARMUP}s warm-up"
read -r read_tps read_p50 read_p99 <<<"$(pgbench_run read.sql pgbench-read)"
[ -n "$read_tps" ] || die "pgbench failed; see $OUT/pgbench-read.txt"
http_run read >/dev/null
log "submissions: pgbench, then HTTP"
read -r submit_tps submit_p50 submit_p99 <<<"$(pgbench_run submit.sql pgbench-submit)"
[ -n "$submit_tps" ] || die "pgbench failed; see $OUT/pgbench-submit.txt"
http_run submit >/dev/null

http_read="$(field case-file rate "$OUT/http-read.txt")"
http_submit="$(field submission rate "$OUT/http-submit.txt")"
{
  printf '| workload | pgbench tx/s | pgbench p50 / p99 ms | HTTP per s | HTTP p50 / p99 ms | HTTP / pgbench | target |\n'
  printf '|---|---|---|---|---|---|---|\n'
  printf '| case-file read | %s | %s / %s | %s | %s / %s | %.2f | >= 0.35 |\n' "$read_tps" "$read_p50" "$read_p99" \
    "$http_read" "$(field case-file p50 "$OUT/http-read.txt")" "$(field case-file p99 "$OUT/http-read.txt")" \
    "$(awk -v h="$http_read" -v p="$read_tps" 'BEGIN { print h / p }')"
  printf '| submission | %s | %s / %s | %s | %s / %s | %.2f | >= 0.25 |\n' "$submit_tps" "$submit_p50" "$submit_p99" \
    "$http_submit" "$(field submission p50 "$OUT/http-submit.txt")" "$(field submission p99 "$OUT/http-submit.txt")" \
    "$(awk -v h="$http_submit" -v p="$submit_tps" 'BEGIN { print h / p }')"
  printf '\nHTTP requests of a submission:\n\n'
  cat "$OUT/http-submit.txt"
} | tee "$OUT/summary.md"
log "results in $OUT"
