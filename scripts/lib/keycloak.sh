#!/usr/bin/env bash
# Keycloak for development and tests: kc_install, kc_running, kc_start, kc_stop.
# Source it after common.sh; do not execute it.
#
# shellcheck shell=bash disable=SC2030,SC2031,SC2153 # settings come from common.sh
#
# DEV ONLY: start-dev mode, an in-memory database (every start imports keycloak/realms afresh and
# forgets everything done since), bootstrap admin admin/admin, bootstrap service-account client
# custodia-provisioner (the backend's onboarding), demo users with password "demo".

CUSTODIA_KC_HOME="$CUSTODIA_CACHE/keycloak-$CUSTODIA_KC_VERSION"
CUSTODIA_KC_LOG="$CUSTODIA_STATE/logs/keycloak.log"
CUSTODIA_KC_PID_FILE="$CUSTODIA_STATE/run/keycloak.pid"
# Per-checkout working files, wiped on every start: the realm files to import, the transaction logs.
CUSTODIA_KC_WORK="$CUSTODIA_STATE/keycloak"
CUSTODIA_KC_HEAP="${CUSTODIA_KC_HEAP:--Xms64m -Xmx512m}"
CUSTODIA_KC_START_TIMEOUT="${CUSTODIA_KC_START_TIMEOUT:-180}"

# Build-time options. kc_install augments the server image with exactly these, in the dev profile, and
# kc_start passes the same ones: start-dev then finds nothing changed and skips the ~30 s re-augmentation.
# `kc.sh build` cannot do this: it always persists the prod profile (and refuses the dev one), and
# start-dev re-augments whenever the persisted profile differs.
CUSTODIA_KC_BUILD_OPTIONS=(--db=dev-mem)

# True if KC_STARTED_BY_US=1 after kc_start: the caller started Keycloak and should kc_stop it when done.
KC_STARTED_BY_US="${KC_STARTED_BY_US:-0}"

# Installs the Keycloak distribution into the machine-wide cache (once) and pre-augments it for start-dev.
kc_install() {
  mkdir -p "$CUSTODIA_CACHE" || return 1
  # One installer at a time per cache: several checkouts share it.
  (
    if command -v flock >/dev/null; then flock 9; fi
    rm -rf "$CUSTODIA_CACHE"/.keycloak-tmp.* # left by an interrupted install
    if [ ! -x "$CUSTODIA_KC_HOME/bin/kc.sh" ]; then
      _kc_unpack || exit 1
    fi
    if ! _kc_image_current; then
      _kc_prebuild || exit 1
    fi
  ) 9>"$CUSTODIA_CACHE/.keycloak-install.lock"
}

# True if the platform realm's discovery document answers 200 on CUSTODIA_KC_URL.
kc_running() {
  _kc_answers "$CUSTODIA_KC_URL/realms/platform/.well-known/openid-configuration"
}

# Starts Keycloak in dev mode with the realms of keycloak/realms imported, unless one already answers.
# Sets KC_STARTED_BY_US to 1 if this call started it, 0 otherwise.
kc_start() {
  KC_STARTED_BY_US=0
  local realms
  realms="$(_kc_realm_names)" || return 1

  if kc_running; then
    log "Keycloak already running at $CUSTODIA_KC_URL; using it"
    return 0
  fi

  local pid
  if pid="$(_kc_our_pid)"; then
    # Started by this checkout and not answering yet (another script is starting it): wait for it.
    log "Keycloak (pid $pid) is still starting; waiting for it"
    _kc_wait_ready "$pid" "$realms"
    return
  fi

  local port
  for port in "$CUSTODIA_KC_PORT" "$CUSTODIA_KC_MANAGEMENT_PORT"; do
    if port_open "$port"; then
      log "port $port is in use by something other than Custodia's Keycloak; free it or set CUSTODIA_KC_PORT and CUSTODIA_KC_MANAGEMENT_PORT"
      return 1
    fi
  done

  kc_install || return 1
  if [ -e "$CUSTODIA_KC_HOME/data/import" ]; then
    # --import-realm would read that shared directory instead of this checkout's realms.
    log "remove $CUSTODIA_KC_HOME/data/import: kc_start imports from $CUSTODIA_KC_WORK/import"
    return 1
  fi

  rm -rf "$CUSTODIA_KC_WORK" && mkdir -p "$CUSTODIA_KC_WORK/import" || return 1
  local file
  while IFS= read -r file; do
    cp "$file" "$CUSTODIA_KC_WORK/import/" || return 1
  done < <(_kc_realm_files)
  rm -f "$CUSTODIA_KC_PID_FILE"

  log "Starting Keycloak $CUSTODIA_KC_VERSION on $CUSTODIA_KC_URL (log: $CUSTODIA_KC_LOG)"
  # Own session and process group, so Ctrl-C in the calling script does not reach it and kc_stop can
  # signal kc.sh and its java child together. The inner shell writes its own pid, then becomes kc.sh.
  (
    cd "$CUSTODIA_KC_WORK" || exit 1
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin # DEV ONLY
    # The backend's onboarding service account (master realm, admin role): creates tenant realms.
    # DEV ONLY secret, the same as backend/src/main/resources/application.yml's default.
    export KC_BOOTSTRAP_ADMIN_CLIENT_ID=custodia-provisioner
    export KC_BOOTSTRAP_ADMIN_CLIENT_SECRET=custodia-provisioner-dev-only # DEV ONLY
    export JAVA_OPTS_KC_HEAP="$CUSTODIA_KC_HEAP"
    # shellcheck disable=SC2016 # expanded by the inner shell
    exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$CUSTODIA_KC_PID_FILE" \
      "$CUSTODIA_KC_HOME/bin/kc.sh" start-dev "${CUSTODIA_KC_BUILD_OPTIONS[@]}" \
      --http-port="$CUSTODIA_KC_PORT" \
      --http-management-port="$CUSTODIA_KC_MANAGEMENT_PORT" \
      --hostname="http://localhost:$CUSTODIA_KC_PORT" \
      --import-realm \
      "-Dkeycloak.migration.dir=$CUSTODIA_KC_WORK/import" \
      "-Dquarkus.transaction-manager.object-store.directory=$CUSTODIA_KC_WORK/transaction-logs" \
      </dev/null >"$CUSTODIA_KC_LOG" 2>&1
  ) &

  if ! wait_until "Keycloak pid file" 10 test -s "$CUSTODIA_KC_PID_FILE"; then
    tail -n 50 "$CUSTODIA_KC_LOG" >&2
    return 1
  fi
  pid="$(cat "$CUSTODIA_KC_PID_FILE")"
  _kc_wait_ready "$pid" "$realms" || return 1
  KC_STARTED_BY_US=1
  log "Keycloak ready: realms $realms; admin console $CUSTODIA_KC_URL/admin (admin/admin, DEV ONLY)"
}

# Stops the Keycloak this checkout started (pid file), never another one.
kc_stop() {
  local pid
  if ! pid="$(_kc_our_pid)"; then
    [ -e "$CUSTODIA_KC_PID_FILE" ] && log "removing stale Keycloak pid file"
    rm -f "$CUSTODIA_KC_PID_FILE"
    return 0
  fi
  log "Stopping Keycloak (pid $pid)"
  # kc.sh forwards TERM to java; the pid is also the process group of both.
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until "Keycloak to stop" 30 _kc_group_gone "$pid"; then
    log "Keycloak did not stop in time; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait_until "Keycloak to die" 10 _kc_group_gone "$pid" || return 1
  fi
  rm -f "$CUSTODIA_KC_PID_FILE"
  KC_STARTED_BY_US=0
}

# --- internals ---------------------------------------------------------------------------------------

_kc_answers() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null)" = 200 ]
}

# Realm files imported at start: every keycloak/realms/*.json except templates.
_kc_realm_files() {
  local file
  for file in "$CUSTODIA_ROOT"/keycloak/realms/*.json; do
    case "$(basename "$file")" in *template*) continue ;; esac
    if [ -f "$file" ]; then printf '%s\n' "$file"; fi
  done
}

# Names of the realms in those files (the first "realm" key of each file is the realm's own).
_kc_realm_names() {
  local file name names=""
  while IFS= read -r file; do
    name="$(grep -o -m1 '"realm"[[:space:]]*:[[:space:]]*"[^"]*"' "$file" | head -n1 | sed 's/.*"\([^"]*\)"$/\1/' || true)"
    if [ -z "$name" ]; then
      log "no realm name in $file"
      return 1
    fi
    names="$names $name"
  done < <(_kc_realm_files)
  if [ -z "$names" ]; then
    log "no realm files in $CUSTODIA_ROOT/keycloak/realms"
    return 1
  fi
  printf '%s\n' "${names# }"
}

_kc_realms_ready() {
  local realm
  for realm in "$@"; do
    _kc_answers "$CUSTODIA_KC_URL/realms/$realm/.well-known/openid-configuration" || return 1
  done
}

_kc_ready_or_exited() { # pid realm...
  local pid="$1"; shift
  ! kill -0 "$pid" 2>/dev/null || _kc_realms_ready "$@"
}

_kc_wait_ready() { # pid "realm realm ..."
  local pid="$1" realms="$2"
  # shellcheck disable=SC2086 # the realm names are words
  wait_until "Keycloak realms $realms" "$CUSTODIA_KC_START_TIMEOUT" _kc_ready_or_exited "$pid" $realms || true
  # shellcheck disable=SC2086
  if _kc_realms_ready $realms; then
    return 0
  fi
  log "Keycloak did not become ready; last lines of $CUSTODIA_KC_LOG:"
  tail -n 50 "$CUSTODIA_KC_LOG" >&2
  if kill -0 "$pid" 2>/dev/null; then kc_stop; else rm -f "$CUSTODIA_KC_PID_FILE"; fi
  return 1
}

# Prints the pid from our pid file if that process is alive and is a Keycloak of our installation.
_kc_our_pid() {
  local pid
  [ -s "$CUSTODIA_KC_PID_FILE" ] || return 1
  pid="$(cat "$CUSTODIA_KC_PID_FILE")"
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a recycled pid: the process must run our distribution (kc.sh, or java after kc.sh exec'd it).
  if [ -r "/proc/$pid/cmdline" ]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$CUSTODIA_KC_HOME" || return 1
  else
    ps -o args= -p "$pid" 2>/dev/null | grep -qF "$CUSTODIA_KC_HOME" || return 1
  fi
  printf '%s\n' "$pid"
}

_kc_group_gone() {
  ! kill -0 -- "-$1" 2>/dev/null
}

_kc_unpack() {
  log "Installing Keycloak $CUSTODIA_KC_VERSION into $CUSTODIA_KC_HOME"
  local tmp
  tmp="$(mktemp -d "$CUSTODIA_CACHE/.keycloak-tmp.XXXXXX")" || return 1
  # Run outside any project directory, so a pom.xml being edited cannot interfere.
  if ! (cd "$tmp" && mvn -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        "-Dartifact=org.keycloak:keycloak-quarkus-dist:$CUSTODIA_KC_VERSION:zip" \
        "-DoutputDirectory=$tmp" >"$tmp/mvn.log" 2>&1); then
    tail -n 30 "$tmp/mvn.log" >&2
    log "could not fetch org.keycloak:keycloak-quarkus-dist:$CUSTODIA_KC_VERSION:zip through Maven"
    rm -rf "$tmp"
    return 1
  fi
  if ! unzip -q "$tmp/keycloak-quarkus-dist-$CUSTODIA_KC_VERSION.zip" -d "$tmp/dist" ||
     [ ! -x "$tmp/dist/keycloak-$CUSTODIA_KC_VERSION/bin/kc.sh" ]; then
    log "could not unpack the Keycloak distribution"
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$CUSTODIA_KC_HOME"
  mv "$tmp/dist/keycloak-$CUSTODIA_KC_VERSION" "$CUSTODIA_KC_HOME" || { rm -rf "$tmp"; return 1; }
  rm -rf "$tmp"
}

# True if the server image was augmented in the dev profile with CUSTODIA_KC_BUILD_OPTIONS.
_kc_image_current() {
  local persisted option
  persisted="$(unzip -p "$CUSTODIA_KC_HOME/lib/quarkus/generated-bytecode.jar" \
    META-INF/keycloak-persisted.properties 2>/dev/null)" || return 1
  grep -qx 'kc.profile=dev' <<<"$persisted" || return 1
  for option in "${CUSTODIA_KC_BUILD_OPTIONS[@]}"; do
    option="${option#--}"
    grep -qxF "kc.${option%%=*}=${option#*=}" <<<"$persisted" || return 1
  done
}

# Augments the image for start-dev: runs start-dev once with the build options, and lets Keycloak exit
# by itself right after the server came up, before it bootstraps the master realm (kc.launch.mode).
# Random ports, so a running server cannot get in the way.
_kc_prebuild() {
  local build_log="$CUSTODIA_STATE/logs/keycloak-build.log" work
  log "Building the Keycloak server image for start-dev (${CUSTODIA_KC_BUILD_OPTIONS[*]}), about a minute, once (log: $build_log)"
  work="$(mktemp -d "$CUSTODIA_CACHE/.keycloak-tmp.XXXXXX")" || return 1
  (
    cd "$work" || exit 1
    export JAVA_OPTS_KC_HEAP="$CUSTODIA_KC_HEAP"
    "$CUSTODIA_KC_HOME/bin/kc.sh" start-dev "${CUSTODIA_KC_BUILD_OPTIONS[@]}" \
      --http-port=0 --http-management-port=0 \
      -Dkc.launch.mode=exit_before_bootstrap \
      "-Dquarkus.transaction-manager.object-store.directory=$work/transaction-logs" \
      </dev/null >"$build_log" 2>&1
  ) || true # judged by the image below: the server may fail to start once the image is written
  rm -rf "$work"
  if ! _kc_image_current; then
    log "building the Keycloak server image failed; last lines of $build_log:"
    tail -n 50 "$build_log" >&2
    return 1
  fi
}
