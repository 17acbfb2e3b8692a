#!/usr/bin/env bash
# The indicators benchmark (issue 5): seeds 8 countries with 10 million assessments and 2 million classification
# decisions (scripts/bench/indicators-seed.sql) in a database of its own, then times every indicator endpoint over HTTP
# against the same aggregate SQL run by pgbench as the indicators role, and shows how soon a change reaches the
# indicators. Target: HTTP <= 1.2 x SQL + 50 ms. See docs/benchmarks.md.
# Tunables: CUSTODIA_BENCH_PRISONERS (per country, default 125000), CUSTODIA_BENCH_ASSESSMENTS (per prisoner, 10),
# CUSTODIA_BENCH_RUNS (timed requests per endpoint, 30), CUSTODIA_BENCH_WARMUP_RUNS (untimed ones before, 20),
# CUSTODIA_BENCH_KEEP=1 keeps the database afterwards,
# CUSTODIA_BENCH_JAR (a backend jar to use instead of building one), CUSTODIA_BENCH_START_SECONDS (600),
# CUSTODIA_BENCH_REUSE=1 times a database an earlier run kept (CUSTODIA_BENCH_KEEP=1) instead of seeding again: the
# full scale takes the better part of an hour to seed on 2 cores, the timings a minute, and they need a quiet machine.
set -euo pipefail
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/postgres.sh
. "$CUSTODIA_ROOT/scripts/lib/postgres.sh"
# shellcheck source=lib/keycloak.sh
. "$CUSTODIA_ROOT/scripts/lib/keycloak.sh"

DB=custodia_bench
PORT="${CUSTODIA_BENCH_BACKEND_PORT:-$CUSTODIA_BACKEND_PORT}"
BACKEND_URL="http://localhost:$PORT"
PRISONERS="${CUSTODIA_BENCH_PRISONERS:-125000}"
ASSESSMENTS="${CUSTODIA_BENCH_ASSESSMENTS:-10}"
RUNS="${CUSTODIA_BENCH_RUNS:-30}"
# Untimed requests first, per endpoint: a running service has compiled its request path; a fresh JVM has not.
WARMUP_RUNS="${CUSTODIA_BENCH_WARMUP_RUNS:-20}"
OUT="$CUSTODIA_STATE/bench/indicators-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
backend_pid=""

stop_everything() {
  trap - EXIT INT TERM
  [ -n "$backend_pid" ] && kill "$backend_pid" 2>/dev/null && wait "$backend_pid" 2>/dev/null || true
  if [ "${CUSTODIA_BENCH_KEEP:-0}" != 1 ] && _pg_ready 2>/dev/null; then
    log "dropping $DB"
    _pg_superuser_psql postgres -c "drop database if exists $DB with (force)" || true
  fi
  if [ "${KC_STARTED_BY_US:-0}" = 1 ]; then kc_stop; fi
  pg_stop
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

require_toolchain
port_open "$PORT" && die "port $PORT is in use (override with CUSTODIA_BENCH_BACKEND_PORT)"

# A copy: the run is long, and a build in the checkout meanwhile must not replace the jar under the running backend.
# CUSTODIA_BENCH_JAR names a jar built already (no build in the checkout, e.g. while its tests run).
if [ -n "${CUSTODIA_BENCH_JAR:-}" ]; then
  cp "$CUSTODIA_BENCH_JAR" "$OUT/custodia-backend.jar"
else
  log "building the backend"
  (cd "$CUSTODIA_ROOT" && mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package)
  cp "$CUSTODIA_ROOT/backend/target/custodia-backend.jar" "$OUT/custodia-backend.jar"
fi
pg_ensure_installed
pg_start
seeded_before() {
  [ "$(_pg_superuser_psql postgres -At -c "select count(*) from pg_database where datname = '$DB'")" = 1 ] &&
    [ "$(_pg_superuser_psql "$DB" -At -c "select to_regclass('public.assessment') is not null and exists (select from assessment)")" = t ]
}
reuse=0
if [ "${CUSTODIA_BENCH_REUSE:-0}" = 1 ]; then
  seeded_before || die "CUSTODIA_BENCH_REUSE=1, but $DB holds no seeded data: run once with CUSTODIA_BENCH_KEEP=1"
  reuse=1
else
  pg_ensure_databases "$DB"
  pg_reset_database "$DB"
fi
kc_install
kc_start

start_backend() {
  SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
  SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$CUSTODIA_PG_PORT/$DB" \
  CUSTODIA_SECURITY_KEYCLOAK_URL="$CUSTODIA_KC_URL" \
  SERVER_PORT="$PORT" \
  LOGGING_LEVEL_CUSTODIA_ACCESS=WARN \
    java -jar "$OUT/custodia-backend.jar" >>"$OUT/backend.log" 2>&1 &
  backend_pid=$!
  backend_ready() { curl -fsS "$BACKEND_URL/actuator/health/readiness" >/dev/null; }
  wait_until "the backend" "${CUSTODIA_BENCH_START_SECONDS:-600}" backend_ready || die "the backend did not become ready; see $OUT/backend.log"
}

as_owner() {
  PGPASSWORD="$CUSTODIA_DB_OWNER_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$CUSTODIA_PG_PORT" -U "$CUSTODIA_DB_OWNER" "$DB" "$@"
}
# Migrates the database (the backend's first start), seeds it and fills the roll-ups.
seed() {
  log "migrating $DB (the backend's first start)"
  start_backend
  kill "$backend_pid" && wait "$backend_pid" 2>/dev/null || true
  backend_pid=""

  started=$SECONDS
  log "seeding: 8 countries x $PRISONERS prisoners, $ASSESSMENTS assessments and 2 decisions each"
  _pg_superuser_psql "$DB" -v prisoners="$PRISONERS" -v assessments="$ASSESSMENTS" \
    -f "$CUSTODIA_ROOT/scripts/bench/indicators-seed.sql" | tee "$OUT/seed.txt" >&2
  seeded=$((SECONDS - started))
  log "rebuilding the roll-ups"
  started=$SECONDS
  as_owner -c 'select indicator_rebuild()' >/dev/null
  as_owner -c 'analyze' >/dev/null
  rebuilt=$((SECONDS - started))
}
if [ "$reuse" = 1 ]; then
  log "reusing the seeded $DB"
else
  seed
fi
# The owner is bound by row-level security: count as the superuser.
_pg_superuser_psql "$DB" -At -c "select 'assessments ' || count(*) from assessment union all
  select 'decisions ' || count(*) from classification_decision union all
  select 'prisoners ' || count(*) from prisoner union all select 'countries ' || count(*) from tenant" \
  | tee "$OUT/counts.txt" >&2

log "starting the backend on $BACKEND_URL"
start_backend

FROM="$(date -u -d "$(date -u +%Y-%m-01) -11 months" +%Y-%m)"
TO="$(date -u +%Y-%m)"
token() {
  curl -fsS -d grant_type=password -d client_id=custodia-test -d username=programme.coordinator -d password=demo \
    "$CUSTODIA_KC_URL/realms/platform/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN="$(token)"

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The same SQL as IndicatorReports, as the indicators role, prepared like R2DBC's: median ms of a run of all of it.
pgbench_ms() {
  env PGPASSWORD="$CUSTODIA_DB_INDICATORS_PASSWORD" "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$CUSTODIA_PG_PORT" \
    -U "$CUSTODIA_DB_INDICATORS" -c 1 -M prepared -D from="$FROM-01" -D to="$TO-01" \
    -f "$CUSTODIA_ROOT/scripts/bench/indicators.sql" -t "$RUNS" -l --log-prefix="$OUT/pgbench" "$DB" \
    >"$OUT/pgbench.txt" 2>&1 || die "pgbench failed; see $OUT/pgbench.txt"
  cat "$OUT/pgbench".* | awk '{ print $3 / 1000 }' | median
}

http_ms() {
  local url="$1" i
  for i in $(seq 1 "$WARMUP_RUNS"); do curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"; done
  for i in $(seq 1 "$RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$url"
  done | awk '{ print $1 * 1000 }' | median
}

log "timing: SQL by pgbench, then every endpoint over HTTP ($RUNS runs each, medians), period $FROM..$TO"
sql="$(pgbench_ms)"
{
  printf 'Load: %s\n\n' "$(uptime)"
  if [ "$reuse" = 1 ]; then printf 'Seeded by an earlier run: '; else printf 'Seeded in %ss, roll-ups rebuilt in %ss: ' "$seeded" "$rebuilt"; fi
  printf '%s\n\n' "$(tr '\n' ',' <"$OUT/counts.txt" | sed 's/,$//; s/,/, /g')"
  printf '| endpoint | HTTP median ms | SQL (pgbench) median ms | target 1.2 x SQL + 50 ms | HTTP / SQL | met |\n'
  printf '|---|---|---|---|---|---|\n'
  for path in "" /population-by-category.csv /population-by-risk-level.csv /classifications.csv \
    /pending-approvals.csv /reviews.csv /referrals.csv /admission-to-classification.csv; do
    http="$(http_ms "$BACKEND_URL/api/indicators$path?from=$FROM&to=$TO")"
    awk -v p="/api/indicators$path" -v h="$http" -v s="$sql" 'BEGIN {
      t = 1.2 * s + 50; printf "| `%s` | %.1f | %.1f | %.1f | %.2f | %s |\n", p, h, s, t, h / s, (h <= t) ? "yes" : "NO" }'
  done
} | tee "$OUT/summary.md"

log "freshness: a classification approved in Kazakhstan today, then the indicators polled until they show it"
month="$(date -u +%Y-%m)"
approved_now() {
  curl -fsS -H "Authorization: Bearer $TOKEN" "$BACKEND_URL/api/indicators/classifications.csv?from=$month&to=$month" \
    | awk -F, -v m="$month" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "KZ") kz = i }
                             $1 == m && $2 == "approved" { print $kz }'
}
before="$(approved_now)"
change_started="$(date +%s%N)"
as_owner <<SQL
select set_config('app.tenant_id', '01900000-0000-7000-8000-00000000004b', false);
update classification_decision set status = 'APPROVED', decided_by = 'bench-s', decided_by_name = 'bench.s',
       decided_at = now(), effective_on = current_date, next_review_on = current_date + 365
 where id = (select id from classification_decision where status = 'SUBMITTED' limit 1);
SQL
until [ "$(approved_now)" != "$before" ]; do
  [ $(( ($(date +%s%N) - change_started) / 1000000000 )) -lt 60 ] || die "the change did not show within a minute"
  sleep 0.2
done
fresh_ms=$(( ($(date +%s%N) - change_started) / 1000000 ))
printf '\nKazakhstan approved this month: %s before the change, %s after; shown %s ms after the change began.\n' \
  "$before" "$(approved_now)" "$fresh_ms" | tee -a "$OUT/summary.md"
rm -f "$OUT/custodia-backend.jar"
log "results in $OUT"
