#!/usr/bin/env bash
# Shared settings for the run and test scripts. Source it; do not execute it.
# Every value can be overridden from the environment, so two checkouts can run side by side.

CUSTODIA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Installs (Keycloak distribution) are cached per machine and shared by every checkout.
CUSTODIA_CACHE="${CUSTODIA_CACHE:-$HOME/.cache/custodia}"
# Logs and pid files of processes this checkout starts.
CUSTODIA_STATE="${CUSTODIA_STATE:-$CUSTODIA_ROOT/.local}"

CUSTODIA_PG_PORT="${CUSTODIA_PG_PORT:-55432}"
CUSTODIA_KC_PORT="${CUSTODIA_KC_PORT:-8180}"
CUSTODIA_KC_MANAGEMENT_PORT="${CUSTODIA_KC_MANAGEMENT_PORT:-8181}"
CUSTODIA_BACKEND_PORT="${CUSTODIA_BACKEND_PORT:-8080}"
CUSTODIA_FRONTEND_PORT="${CUSTODIA_FRONTEND_PORT:-5173}"
CUSTODIA_KC_VERSION="${CUSTODIA_KC_VERSION:-26.7.3}"
CUSTODIA_KC_URL="http://localhost:${CUSTODIA_KC_PORT}"

# DEV-ONLY credentials of the local PostgreSQL roles. Never used outside a developer machine or CI.
CUSTODIA_DB_OWNER="custodia_owner"
CUSTODIA_DB_OWNER_PASSWORD="custodia_owner_dev_only"
CUSTODIA_DB_APP="custodia_app"
CUSTODIA_DB_APP_PASSWORD="custodia_app_dev_only"
# The cross-country indicators' own role: reads the roll-up tables and nothing else (ADR 0010).
CUSTODIA_DB_INDICATORS="custodia_indicators"
CUSTODIA_DB_INDICATORS_PASSWORD="custodia_indicators_dev_only"

mkdir -p "$CUSTODIA_CACHE" "$CUSTODIA_STATE/logs" "$CUSTODIA_STATE/run"

log() { printf '\033[1;34m[custodia]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[custodia] %s\033[0m\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# wait_until DESCRIPTION SECONDS COMMAND...: polls COMMAND every half second until it succeeds.
wait_until() {
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "timed out after ${seconds}s waiting for $what"
      return 1
    fi
    sleep 0.5
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The tools a developer machine must bring; everything else the scripts install themselves.
require_toolchain() {
  command -v java >/dev/null || die "Java 17 or newer is required"
  command -v mvn >/dev/null || die "Maven is required"
  command -v node >/dev/null || die "Node 20 or newer is required"
  command -v curl >/dev/null || die "curl is required"
}
