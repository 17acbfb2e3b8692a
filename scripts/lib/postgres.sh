#!/usr/bin/env bash
# Local PostgreSQL for development and tests. Source it after common.sh; do not execute it.
#
#   pg_start                      start (or reuse) the cluster on 127.0.0.1:$CUSTODIA_PG_PORT
#   pg_ensure_databases DB...     roles $CUSTODIA_DB_OWNER, $CUSTODIA_DB_APP and $CUSTODIA_DB_INDICATORS, databases
#                                 owned by the owner
#   pg_reset_database DB          drop and recreate DB (tests start from an empty schema)
#   pg_stop [--force]             stop the cluster if pg_start started it (--force: the recorded one in any case)
#
# PostgreSQL refuses to run as root. A root caller runs the server as the `postgres` OS user, with its
# data in /var/tmp/custodia-pg-$CUSTODIA_PG_PORT (a checkout under /root is out of that user's reach).
# Anyone else runs it as themselves, with its data in $CUSTODIA_STATE/pgdata. Either way the unix socket
# lives in a directory only the server's user can enter, and the superuser `postgres` is reachable only
# through it (peer authentication); TCP on 127.0.0.1 takes passwords (scram-sha-256) and nothing else.
# CUSTODIA_PG_DATA overrides the data directory.

PG_STARTED_BY_US="${PG_STARTED_BY_US:-0}"
# Where pg_start records the cluster it started, so that a later pg_stop (even from another shell) finds it.
CUSTODIA_PG_RECORD="$CUSTODIA_STATE/run/postgres.env"

# Newest /usr/lib/postgresql/<major>/bin that holds initdb.
pg_bin_dir() {
  local dir
  dir="$(for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && printf '%s\n' "$d"; done | sort -V | tail -n 1)"
  [ -n "$dir" ] || return 1
  printf '%s\n' "$dir"
}

pg_ensure_installed() {
  pg_bin_dir >/dev/null && return 0
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and this is not a Debian/Ubuntu machine: install PostgreSQL 15 or newer"
  log "installing PostgreSQL (Debian package postgresql)"
  # Refresh the package lists only when they do not know the package yet.
  if ! apt-cache show postgresql >/dev/null 2>&1; then
    as_root apt-get update
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  pg_bin_dir >/dev/null || die "apt-get installed postgresql but no initdb was found under /usr/lib/postgresql/*/bin"
}

# Sets PG_BIN, PG_RUN_AS (OS user running the server), PG_DATA_DIR, PG_SOCKET_DIR, PG_LOG_FILE.
_pg_paths() {
  PG_BIN="$(pg_bin_dir)" || die "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (apt-get install postgresql creates it)"
    PG_RUN_AS=postgres
    PG_DATA_DIR="${CUSTODIA_PG_DATA:-/var/tmp/custodia-pg-$CUSTODIA_PG_PORT}"
  else
    PG_RUN_AS="$(id -un)"
    PG_DATA_DIR="${CUSTODIA_PG_DATA:-$CUSTODIA_STATE/pgdata}"
  fi
  # The socket sits in the data directory (mode 0700) unless the path would exceed the 107-byte limit.
  PG_SOCKET_DIR="$PG_DATA_DIR"
  if [ "${#PG_SOCKET_DIR}" -gt 80 ]; then
    PG_SOCKET_DIR="/tmp/custodia-pg-$(id -u "$PG_RUN_AS")-$CUSTODIA_PG_PORT"
  fi
  PG_LOG_FILE="$PG_DATA_DIR/postgresql.log"
}

# Runs a command as the OS user that owns the cluster, from a directory that user can reach.
_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- env HOME=/var/lib/postgresql "$@")
  else
    (cd / && "$@")
  fi
}

# _pg_superuser_psql DB [psql args...]: psql as the superuser over the unix socket, failing on the first error.
_pg_superuser_psql() {
  local db="$1"; shift
  _pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$PG_SOCKET_DIR" -p "$CUSTODIA_PG_PORT" -U postgres -d "$db" "$@"
}

_pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$CUSTODIA_PG_PORT" -t 2; }

# Creates a directory owned by the cluster's OS user with mode 0700 (or checks an existing one).
_pg_private_dir() {
  local dir="$1"
  if [ "$(id -u)" -eq 0 ]; then
    install -d -o postgres -g postgres -m 0700 "$dir"
  else
    mkdir -p "$dir" && chmod 0700 "$dir"
  fi
  [ "$(stat -c %U "$dir")" = "$PG_RUN_AS" ] || die "$dir must belong to $PG_RUN_AS"
}

_pg_initdb() {
  local major
  major="$(basename "$(dirname "$PG_BIN")")"
  if [ -f "$PG_DATA_DIR/PG_VERSION" ]; then
    [ "$(cat "$PG_DATA_DIR/PG_VERSION")" = "$major" ] \
      || die "$PG_DATA_DIR holds a PostgreSQL $(cat "$PG_DATA_DIR/PG_VERSION") cluster but the binaries are $major: delete that directory to start over"
    return 0
  fi
  [ -z "$(ls -A "$PG_DATA_DIR")" ] || die "$PG_DATA_DIR is neither empty nor a PostgreSQL data directory"
  log "creating a PostgreSQL $major cluster in $PG_DATA_DIR"
  _pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA_DIR" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-host=scram-sha-256 --auth-local=peer --no-instructions >/dev/null \
    || die "initdb failed in $PG_DATA_DIR"
  # Unix socket: peer authentication, and the caller's OS user may act as the superuser `postgres`
  # (only the cluster's own user can enter the socket directory). TCP: passwords, loopback only.
  _pg_as_owner tee "$PG_DATA_DIR/pg_hba.conf" >/dev/null <<EOF
# Written by scripts/lib/postgres.sh (Custodia development cluster).
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 peer map=custodia
host    all       all   127.0.0.1/32  scram-sha-256
EOF
  _pg_as_owner tee "$PG_DATA_DIR/pg_ident.conf" >/dev/null <<EOF
# Written by scripts/lib/postgres.sh (Custodia development cluster).
# MAPNAME   SYSTEM-USERNAME  PG-USERNAME
custodia    $PG_RUN_AS    postgres
custodia    /^(.*)\$    \1
EOF
}

# Single-quotes a value for the shell command line pg_ctl builds from -o.
_pg_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

pg_start() {
  pg_ensure_installed
  _pg_paths
  local status=0
  _pg_ready || status=$?
  if [ "$status" -eq 1 ]; then
    log "PostgreSQL on port $CUSTODIA_PG_PORT is starting up; waiting for it"
    wait_until "PostgreSQL on port $CUSTODIA_PG_PORT" 60 _pg_ready || die "PostgreSQL on port $CUSTODIA_PG_PORT never became ready"
    status=0
  fi
  if [ "$status" -eq 0 ]; then
    # A second pg_start in the shell that started it keeps PG_STARTED_BY_US=1, so pg_stop still stops it.
    if [ "${PG_STARTED_BY_US:-0}" != 1 ]; then
      log "PostgreSQL already answers on 127.0.0.1:$CUSTODIA_PG_PORT; reusing it (it will be left running)"
      PG_STARTED_BY_US=0
    else
      log "PostgreSQL already running on 127.0.0.1:$CUSTODIA_PG_PORT (started by this script)"
    fi
    return 0
  fi
  port_open "$CUSTODIA_PG_PORT" && die "port $CUSTODIA_PG_PORT is taken by something that is not PostgreSQL (set CUSTODIA_PG_PORT)"

  _pg_private_dir "$PG_DATA_DIR"
  [ "$PG_SOCKET_DIR" = "$PG_DATA_DIR" ] || _pg_private_dir "$PG_SOCKET_DIR"
  _pg_initdb

  # Development settings. fsync stays on: tests must see what production sees.
  local options=(
    -p "$CUSTODIA_PG_PORT"
    -k "$(_pg_quote "$PG_SOCKET_DIR")"
    -c listen_addresses=127.0.0.1
    -c max_connections=200
    -c shared_buffers=256MB
    -c work_mem=8MB
    -c password_encryption=scram-sha-256
    -c log_line_prefix="'%m [%p] %q%u@%d '"
    -c lc_messages=C.UTF-8
  )
  log "starting PostgreSQL on 127.0.0.1:$CUSTODIA_PG_PORT (data $PG_DATA_DIR, log $PG_LOG_FILE)"
  local started=$SECONDS
  if ! _pg_as_owner "$PG_BIN/pg_ctl" start -D "$PG_DATA_DIR" -l "$PG_LOG_FILE" -w -t 60 -s -o "${options[*]}"; then
    tail -n 20 "$PG_LOG_FILE" >&2 2>/dev/null || true
    die "PostgreSQL did not start; see $PG_LOG_FILE"
  fi
  wait_until "PostgreSQL on 127.0.0.1:$CUSTODIA_PG_PORT" 30 _pg_ready || die "PostgreSQL started but does not answer on 127.0.0.1:$CUSTODIA_PG_PORT"
  PG_STARTED_BY_US=1
  cat >"$CUSTODIA_PG_RECORD" <<EOF
PG_DATA_DIR=$(printf '%q' "$PG_DATA_DIR")
PG_RUN_AS=$(printf '%q' "$PG_RUN_AS")
PG_PORT=$CUSTODIA_PG_PORT
EOF
  log "PostgreSQL ready after $((SECONDS - started))s"
}

_pg_require_superuser() {
  _pg_paths
  _pg_ready || die "PostgreSQL does not answer on 127.0.0.1:$CUSTODIA_PG_PORT (call pg_start first)"
  _pg_superuser_psql postgres -c 'select 1' >/dev/null 2>&1 \
    || die "cannot reach the superuser through the socket in $PG_SOCKET_DIR: the cluster on port $CUSTODIA_PG_PORT was not started by these scripts as $PG_RUN_AS"
}

_pg_check_db_name() {
  [[ "$1" =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid database name '$1' (lower-case letters, digits and _)"
  case "$1" in postgres | template0 | template1) die "refusing to touch the system database $1" ;; esac
}

pg_ensure_databases() {
  [ "$#" -gt 0 ] || die "usage: pg_ensure_databases DBNAME..."
  local db
  for db in "$@"; do _pg_check_db_name "$db"; done
  _pg_require_superuser

  # Roles: created when missing, their attributes and passwords reset every time.
  _pg_superuser_psql postgres \
    -v owner="$CUSTODIA_DB_OWNER" -v owner_password="$CUSTODIA_DB_OWNER_PASSWORD" \
    -v app="$CUSTODIA_DB_APP" -v app_password="$CUSTODIA_DB_APP_PASSWORD" \
    -v indicators="$CUSTODIA_DB_INDICATORS" -v indicators_password="$CUSTODIA_DB_INDICATORS_PASSWORD" <<'SQL' || die "could not create the database roles"
select format('create role %I', :'owner') where not exists (select from pg_roles where rolname = :'owner') \gexec
select format('create role %I', :'app') where not exists (select from pg_roles where rolname = :'app') \gexec
select format('create role %I', :'indicators') where not exists (select from pg_roles where rolname = :'indicators') \gexec
-- The owner runs Flyway migrations and owns every object; it administers nothing else.
alter role :"owner" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'owner_password';
-- The application owns nothing, cannot bypass row-level security and inherits no other role's rights.
alter role :"app" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit password :'app_password';
-- The indicators path: the same attributes; the migrations grant it SELECT on the roll-up tables only.
alter role :"indicators" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit password :'indicators_password';
SQL

  for db in "$@"; do
    _pg_superuser_psql postgres -v db="$db" -v owner="$CUSTODIA_DB_OWNER" -v app="$CUSTODIA_DB_APP" \
      -v indicators="$CUSTODIA_DB_INDICATORS" <<'SQL' || die "could not create database $db"
select format('create database %I owner %I template template0 encoding %L', :'db', :'owner', 'UTF8')
  where not exists (select from pg_database where datname = :'db') \gexec
alter database :"db" owner to :"owner";
revoke all on database :"db" from public;
grant connect on database :"db" to :"app";
grant connect on database :"db" to :"indicators";
SQL
    # In PostgreSQL 15 the public schema belongs to pg_database_owner, i.e. to the owner role.
    _pg_superuser_psql "$db" -v app="$CUSTODIA_DB_APP" -v indicators="$CUSTODIA_DB_INDICATORS" <<'SQL' || die "could not set up schema public in $db"
revoke all on schema public from public;
grant usage on schema public to :"app";
grant usage on schema public to :"indicators";
SQL
  done

  # Prove that the password path the backend and Flyway use works.
  for db in "$@"; do
    PGPASSWORD="$CUSTODIA_DB_APP_PASSWORD" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$CUSTODIA_PG_PORT" \
      -U "$CUSTODIA_DB_APP" -d "$db" -c 'select 1' >/dev/null \
      || die "$CUSTODIA_DB_APP cannot log in to $db over TCP with its password"
  done
  log "databases ready on 127.0.0.1:$CUSTODIA_PG_PORT: $* (owner $CUSTODIA_DB_OWNER, application $CUSTODIA_DB_APP)"
}

pg_reset_database() {
  [ "$#" -eq 1 ] || die "usage: pg_reset_database DBNAME"
  _pg_check_db_name "$1"
  _pg_require_superuser
  log "recreating database $1"
  # WITH (FORCE) terminates the database's sessions before dropping it.
  _pg_superuser_psql postgres -v db="$1" <<'SQL' || die "could not drop database $1"
select format('drop database %I with (force)', :'db') where exists (select from pg_database where datname = :'db') \gexec
SQL
  pg_ensure_databases "$1"
}

pg_stop() {
  local force=0
  [ "${1:-}" = "--force" ] && force=1
  if [ "$force" -eq 0 ] && [ "${PG_STARTED_BY_US:-0}" != 1 ]; then
    return 0
  fi
  _pg_paths
  # Another shell may have started it: the record names its data directory.
  if [ -f "$CUSTODIA_PG_RECORD" ]; then
    local recorded
    # shellcheck disable=SC1090
    recorded="$(. "$CUSTODIA_PG_RECORD" && printf '%s' "$PG_DATA_DIR")"
    [ -n "$recorded" ] && PG_DATA_DIR="$recorded"
  fi
  if [ -f "$PG_DATA_DIR/postmaster.pid" ] && _pg_as_owner "$PG_BIN/pg_ctl" status -D "$PG_DATA_DIR" >/dev/null 2>&1; then
    log "stopping PostgreSQL on port $CUSTODIA_PG_PORT"
    _pg_as_owner "$PG_BIN/pg_ctl" stop -D "$PG_DATA_DIR" -m fast -w -t 60 -s || die "PostgreSQL did not stop; see $PG_DATA_DIR/postgresql.log"
  fi
  rm -f "$CUSTODIA_PG_RECORD"
  PG_STARTED_BY_US=0
}
