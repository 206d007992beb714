#!/usr/bin/env bash
# Keycloak (the Quarkus distribution from Maven Central) in dev mode on loopback, with the hub's
# demo realm (scripts/keycloak/realm-hub.json) imported. For tests and local development of the
# console's OpenID Connect sign-in — never for production.
#
#   keycloak.sh start    resolve and unpack the distribution (first run only), start Keycloak in
#                        the background with the realm imported (anew when it changed), wait until it
#                        answers; prints the realm's issuer URL as the LAST stdout line.
#                        Idempotent: if already running just prints the issuer URL (restarts
#                        it when realm-hub.json changed since it started). A Keycloak it did
#                        not start that already serves the realm on the port is used as it is.
#   keycloak.sh stop     SIGTERM, wait up to KEYCLOAK_STOP_TIMEOUT (30s), then SIGKILL.
#   keycloak.sh status   exit 0 if running (prints the issuer URL), 1 otherwise.
#
# Environment: KEYCLOAK_PORT (18080), KEYCLOAK_MANAGEMENT_PORT (18089), KEYCLOAK_HOME_DIR (.keycloak),
# KEYCLOAK_VERSION (pom.xml), KEYCLOAK_START_TIMEOUT (300), KEYCLOAK_HEAP_OPTS, KEYCLOAK_MVN_ARGS.
# All progress goes to stderr; stdout only carries the issuer URL, so
#   OIDC_ISSUER_URL="$(scripts/keycloak/keycloak.sh start)"   works.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
POM="$SCRIPT_DIR/pom.xml"
REALM_FILE="$SCRIPT_DIR/realm-hub.json"
REALM="hub"

HOME_DIR="${KEYCLOAK_HOME_DIR:-$REPO_ROOT/.keycloak}"
PORT="${KEYCLOAK_PORT:-18080}"
MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-18089}"
HOST="127.0.0.1"
ISSUER="http://$HOST:$PORT/realms/$REALM"
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-300}"
STOP_TIMEOUT="${KEYCLOAK_STOP_TIMEOUT:-30}"
HEAP_OPTS="${KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx512m}"
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-}"   # empty = version pinned in pom.xml

DIST_DIR="$HOME_DIR/dist"
LOG_FILE="$HOME_DIR/keycloak.log"
PID_FILE="$HOME_DIR/keycloak.pid"
LOCK_FILE="$HOME_DIR/.lock"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  export JAVA="$JAVA_HOME/bin/java"
else
  export JAVA="${JAVA:-java}"
fi

log() { printf '[keycloak.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

pid_alive() {
  local pid="$1" stat
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  stat="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
  [[ "$stat" != Z* ]]
}

pid_is_our_keycloak() { # a live java process started from our distribution
  local pid="$1" args
  pid_alive "$pid" || return 1
  args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
  [[ -z "$args" ]] && return 0
  [[ "$args" == *"$DIST_DIR"* ]]
}

read_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }

realm_ready() {
  curl -fsS -o /dev/null --max-time 2 "$ISSUER/.well-known/openid-configuration" 2>/dev/null
}

take_lock() {
  mkdir -p "$HOME_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$LOCK_FILE"
    flock -w $((START_TIMEOUT + 120)) 9 || die "could not acquire $LOCK_FILE"
  fi
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (need Java 17+; set JAVA_HOME)"
  local v
  v="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  if [[ -n "$v" && "$v" -lt 17 ]]; then die "Java $v found, Keycloak 26 needs Java 17+ (set JAVA_HOME)"; fi
}

dist_stamp() { printf '%s|%s' "$(cksum <"$POM")" "$KEYCLOAK_VERSION"; }

ensure_dist() {
  local stamp
  stamp="$(dist_stamp)"
  if [[ -f "$DIST_DIR/.stamp" && "$(cat "$DIST_DIR/.stamp")" == "$stamp" && -f "$DIST_DIR/bin/kc.sh" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch Keycloak)"
  local tmp="$HOME_DIR/dist.tmp.$$"
  rm -rf "$tmp"
  log "resolving Keycloak from Maven Central into $DIST_DIR (first run downloads ~200 MB) ..."
  local -a args=(-q -B -Dstyle.color=never -f "$POM" dependency:unpack-dependencies
                 -DincludeTypes=zip -DoutputDirectory="$tmp" -Dkeycloak.build.dir="$tmp/.maven")
  [[ -n "$KEYCLOAK_VERSION" ]] && args+=("-Dkeycloak.version=$KEYCLOAK_VERSION")
  local esc=$'\033'
  # shellcheck disable=SC2086  # KEYCLOAK_MVN_ARGS is intentionally word-split
  if ! mvn "${args[@]}" ${KEYCLOAK_MVN_ARGS:-} 2>&1 | sed -e "s/${esc}\[[0-9;]*m//g" -e '/^[[:space:]]*$/d' >&2; then
    rm -rf "$tmp"
    die "Maven dependency resolution failed (see output above)"
  fi
  local unpacked
  unpacked="$(find "$tmp" -maxdepth 1 -type d -name 'keycloak-*' | head -n1)"
  [[ -n "$unpacked" && -f "$unpacked/bin/kc.sh" ]] || { rm -rf "$tmp"; die "bin/kc.sh missing after unpacking"; }
  chmod +x "$unpacked"/bin/*.sh
  printf '%s' "$stamp" >"$unpacked/.stamp"
  rm -rf "$DIST_DIR"
  mv "$unpacked" "$DIST_DIR"
  rm -rf "$tmp"
  log "Keycloak unpacked ($(du -sh "$DIST_DIR" | cut -f1))"
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while (( SECONDS < deadline )); do
    if ! pid_alive "$pid"; then
      log "Keycloak process $pid exited during startup; last log lines:"
      tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
      rm -f "$PID_FILE"
      return 1
    fi
    realm_ready && return 0
    sleep 0.5
  done
  log "Keycloak did not become ready within ${START_TIMEOUT}s; last log lines:"
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
  return 1
}

stop_pid() {
  local pid="$1" deadline
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while pid_alive "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
  if pid_alive "$pid"; then
    log "Keycloak $pid still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
    # kc.sh runs java as its child: kill the whole process group setsid gave them.
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
}

cmd_start() {
  take_lock
  local pid
  pid="$(read_pid)"
  if [[ -n "$pid" ]] && pid_is_our_keycloak "$pid" \
     && [[ "$(cat "$DIST_DIR/data/.realm-stamp" 2>/dev/null)" != "$(cksum <"$REALM_FILE")" ]]; then
    log "the realm file changed since Keycloak (pid $pid) started: restarting it"
    stop_pid "$pid"; rm -f "$PID_FILE"; pid=""
  fi
  if [[ -n "$pid" ]] && pid_is_our_keycloak "$pid"; then
    if realm_ready; then log "already running (pid $pid)"; echo "$ISSUER"; return 0; fi
    log "Keycloak pid $pid is alive but not serving yet, waiting ..."
    if wait_ready "$pid"; then echo "$ISSUER"; return 0; fi
    stop_pid "$pid"; rm -f "$PID_FILE"
    die "existing Keycloak never became ready (stopped it)"
  fi
  rm -f "$PID_FILE"
  if realm_ready; then
    # Another checkout's Keycloak (or one started by hand) already serves the realm: use it, never stop it.
    log "a Keycloak this script did not start serves $ISSUER: using it"
    echo "$ISSUER"
    return 0
  fi
  port_open "$PORT" && die "port $PORT is already in use by another process (set KEYCLOAK_PORT)"
  port_open "$MANAGEMENT_PORT" && die "port $MANAGEMENT_PORT is already in use (set KEYCLOAK_MANAGEMENT_PORT)"

  check_java
  ensure_dist
  # The realm file is the whole truth: when it changed, start from a fresh dev database so it is
  # imported anew; otherwise keep the database (creating its schema is a good part of a start).
  local realm_stamp
  realm_stamp="$(cksum <"$REALM_FILE")"
  if [[ ! -f "$DIST_DIR/data/.realm-stamp" || "$(cat "$DIST_DIR/data/.realm-stamp")" != "$realm_stamp" ]]; then
    rm -rf "$DIST_DIR/data/h2"
  fi
  rm -rf "$DIST_DIR/data/import"
  mkdir -p "$DIST_DIR/data/import"
  cp "$REALM_FILE" "$DIST_DIR/data/import/realm-hub.json"
  printf '%s' "$realm_stamp" >"$DIST_DIR/data/.realm-stamp"

  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
  : >"$LOG_FILE"
  log "starting Keycloak on http://$HOST:$PORT (realm $REALM, logs: $LOG_FILE)"
  local -a launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  (
    cd "$DIST_DIR"
    export JAVA_OPTS_KC_HEAP="$HEAP_OPTS"
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
    exec ${launcher[@]+"${launcher[@]}"} bash "$DIST_DIR/bin/kc.sh" start-dev --import-realm \
      --http-host="$HOST" --http-port="$PORT" --http-management-port="$MANAGEMENT_PORT" \
      --hostname-strict=false --log-level=warn,org.keycloak.services:info,io.quarkus:info
  ) </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"

  local t0=$SECONDS
  if ! wait_ready "$pid"; then
    pid_alive "$pid" && stop_pid "$pid"
    rm -f "$PID_FILE"
    die "Keycloak failed to start"
  fi
  log "Keycloak is up (pid $pid, $((SECONDS - t0))s to serve the realm)"
  echo "$ISSUER"
}

cmd_stop() {
  take_lock
  local pid
  pid="$(read_pid)"
  if [[ -z "$pid" ]] || ! pid_is_our_keycloak "$pid"; then
    rm -f "$PID_FILE"; log "not running"; return 0
  fi
  log "stopping Keycloak (pid $pid) ..."
  stop_pid "$pid"
  pid_alive "$pid" && die "could not stop pid $pid"
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  pid="$(read_pid)"
  if [[ -n "$pid" ]] && pid_is_our_keycloak "$pid" && realm_ready; then
    log "running (pid $pid): $ISSUER"
    echo "$ISSUER"
    return 0
  fi
  log "not running"
  return 1
}

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; }

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    -h|--help|help) usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"
