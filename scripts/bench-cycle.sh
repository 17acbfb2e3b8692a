#!/usr/bin/env bash
# The cycle benchmark (issue 4): sustained assessment submissions (start, save answers, submit with scoring and
# audit) and reads of prisoners' case files, over HTTP against the local stack, each beside pgbench running the
# same SQL on the same database in the same run. Prints requests per second, p50/p99 and the ratio HTTP / pgbench.
# See docs/benchmarks.md. Tunables: CUSTODIA_BENCH_PRISONERS, _USERS, _CLIENTS, _SECONDS, _WARMUP, _MAX_WARMUP; the
# backend's JVM options in CUSTODIA_BENCH_BACKEND_JAVA_OPTS; CUSTODIA_BENCH_PROFILE=1 profiles the backend's CPU with
# async-profiler (from Maven Central), a flame graph per minute in the results directory.
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
# The HTTP load warms the service up until its rate is steady (see CycleLoad), for at most this long per workload.
MAX_WARMUP="${CUSTODIA_BENCH_MAX_WARMUP:-900}"
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

read -ra java_opts <<<"${CUSTODIA_BENCH_BACKEND_JAVA_OPTS:-}"
if [ "${CUSTODIA_BENCH_PROFILE:-0}" = 1 ]; then
  # itimer sampling needs no perf_events; JFR's profiling settings slow this service several times over.
  (cd "$CUSTODIA_ROOT" && mvn -B -ntp -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 \
    -DoutputDirectory="$CUSTODIA_STATE/async-profiler")
  unzip -o -q "$CUSTODIA_STATE/async-profiler/async-profiler-4.1.jar" 'linux-x64/*' -d "$CUSTODIA_STATE/async-profiler"
  java_opts+=("-agentpath:$CUSTODIA_STATE/async-profiler/linux-x64/libasyncProfiler.so=start,event=itimer,interval=5ms,loop=60s,file=$OUT/profile-%t.html")
fi
log "starting the backend on $BACKEND_URL (log: $OUT/backend.log)"
SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
CUSTODIA_SECURITY_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
SERVER_PORT="$PORT" \
LOGGING_LEVEL_CUSTODIA_ACCESS=WARN \
  java "${java_opts[@]}" -jar "$CUSTODIA_ROOT/backend/target/custodia-backend.jar" >"$OUT/backend.log" 2>&1 &
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

# CPU time, in clock ticks, of the given processes (threads included) and of the whole machine: "ticks machine".
cpu_ticks() {
  local pid
  for pid in "$@"; do sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null || true; done | awk '{ s += $12 + $13 } END { printf "%d ", s }'
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat
}
# The same for the PostgreSQL server: the postmaster and its children.
postgres_cpu_ticks() {
  local postmaster children
  postmaster="$(head -n 1 "$PG_DATA_DIR/postmaster.pid")"
  mapfile -t children < <(pgrep -P "$postmaster")
  cpu_ticks "$postmaster" "${children[@]}"
}
# measure_cpu NAME LOAD_PID SECONDS: once the load measures (see load_measuring), the CPU ticks the load (its own
# process), the backend, PostgreSQL and the whole machine spend in the next SECONDS, written to $OUT/NAME.cpu as
# "seconds load backend postgres machine". With the request rate they give the CPU each request costs on each side.
measure_cpu() {
  local name="$1" load_pid="$2" load0 backend0 pg0 machine0 load1 backend1 pg1 machine1
  wait_until "the $name warm-up" $((MAX_WARMUP + 120)) load_measuring || die "the load did not start measuring"
  read -r load0 _ <<<"$(cpu_ticks "$load_pid")"
  read -r backend0 _ <<<"$(cpu_ticks "$backend_pid")"
  read -r pg0 machine0 <<<"$(postgres_cpu_ticks)"
  sleep "$3"
  read -r load1 _ <<<"$(cpu_ticks "$load_pid")"
  read -r backend1 _ <<<"$(cpu_ticks "$backend_pid")"
  read -r pg1 machine1 <<<"$(postgres_cpu_ticks)"
  echo "$3 $((load1 - load0)) $((backend1 - backend0)) $((pg1 - pg0)) $((machine1 - machine0))" >"$OUT/$name.cpu"
}

# pgbench as the service's role, so row-level security costs the same; prints "tps p50 p99".
pgbench_run() {
  local script="$1" name="$2"
  local run=(env PGPASSWORD="$CUSTODIA_DB_APP_PASSWORD" "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$CUSTODIA_PG_PORT"
    -U "$CUSTODIA_DB_APP" -c "$CLIENTS" -j 2 -M prepared -D tenant="$KZ_TENANT" -D count="$PRISONERS"
    -D version="$VERSION_ID" -D answers="$(tr -d '\n' <"$ANSWERS")" -D result="$(cat "$OUT/result.json")" -f "$CUSTODIA_ROOT/scripts/bench/$script" "$DB")
  "${run[@]}" -T "$WARMUP" >"$OUT/$name-warmup.txt" 2>&1 || return 0
  "${run[@]}" -T "$DURATION" -l --log-prefix="$OUT/$name-log" >"$OUT/$name.txt" 2>&1 &
  load_measuring() { sleep 1; }
  measure_cpu "$name" $! $((DURATION - 2))
  wait $! || return 0
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
  local scenario="$1" refresher load
  token >"$OUT/token"
  # Access tokens live 5 minutes and a warm-up can last longer: a fresh one every minute, until Keycloak is gone.
  (while sleep 60 && token >"$OUT/token.new"; do mv "$OUT/token.new" "$OUT/token"; done) &
  refresher=$!
  java "$CUSTODIA_ROOT/backend/src/test/java/org/custodia/bench/CycleLoad.java" "$BACKEND_URL" "$OUT/token" \
    "$scenario" "$OUT/prisoners.txt" "$USERS" "$WARMUP" "$MAX_WARMUP" "$DURATION" "$ANSWERS" "$VERSION_ID" \
    >"$OUT/http-$scenario.txt" &
  load=$!
  load_measuring() { grep -q '^measuring' "$OUT/http-$scenario.txt"; }
  measure_cpu "http-$scenario" "$load" $((DURATION - 2))
  wait "$load"
  kill "$refresher" 2>/dev/null || true
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

# cpu_row LABEL NAME RATE: a row of CPU milliseconds per operation from $OUT/NAME.cpu (see measure_cpu).
cpu_row() {
  awk -v label="$1" -v rate="$3" -v tick="$(getconf CLK_TCK)" '{
    n = rate * $1; printf "| %s | %.1f | %.1f | %.1f | %.1f |\n", label, $2 * 1000 / tick / n, $3 * 1000 / tick / n,
      $4 * 1000 / tick / n, $5 * 1000 / tick / n }' "$OUT/$2.cpu"
}

field() { sed -nE "s/^$1 .*$2=([0-9.]+).*/\1/p" "$3"; }

capture_result
log "reads: pgbench ($CLIENTS clients, ${WARMUP}s warm-up), then HTTP ($USERS users, warm-up to a steady rate, at most ${MAX_WARMUP}s); ${DURATION}s measured each"
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
  printf '\nCPU milliseconds per case-file read or per submission, in the measured period (load: CycleLoad or the pgbench\n'
  printf 'client; machine: all CPU time, of %s cores):\n\n' "$(nproc)"
  printf '| run | load | backend | PostgreSQL | machine |\n|---|---|---|---|---|\n'
  cpu_row "HTTP case-file read" http-read "$http_read"
  cpu_row "pgbench case-file read" pgbench-read "$read_tps"
  cpu_row "HTTP submission" http-submit "$http_submit"
  cpu_row "pgbench submission" pgbench-submit "$submit_tps"
  printf '\nWarm-up of the service before each HTTP measurement (requests or submissions per second, 30 s windows):\n\n'
  printf -- '- case-file read: %s\n' "$(grep '^warm-up' "$OUT/http-read.txt")"
  printf -- '- submission: %s\n' "$(grep '^warm-up' "$OUT/http-submit.txt")"
  printf '\nHTTP requests of a submission:\n\n'
  grep -v '^warm-up\|^measuring' "$OUT/http-submit.txt"
} | tee "$OUT/summary.md"
if grep -q NOT-STEADY "$OUT/summary.md"; then
  log "warning: a warm-up ended at CUSTODIA_BENCH_MAX_WARMUP (${MAX_WARMUP}s) before the rate was steady"
fi
log "results in $OUT"
