#!/usr/bin/env bash
# An Eclipse Dataspace Components (EDC) control plane for the peer benchmark (bench/peers.bench.ts,
# issue 21), run straight from the Maven Central jars pinned in pom.xml, on loopback only.
#
#   edc.sh start   resolve jars (first run only), write the config, start the runtime in the
#                  background against PostgreSQL database $EDC_DATABASE (created fresh unless
#                  EDC_FRESH_DATABASE=0, in which case it must exist), wait until it is ready;
#                  prints the management API base URL as the LAST stdout line.
#   edc.sh stop    SIGTERM, wait up to EDC_STOP_TIMEOUT (30 s), then SIGKILL.
#   edc.sh status  exit 0 if running (prints the management URL), 1 otherwise.
#   edc.sh pid     prints the runtime's process id (for RSS readings).
#   edc.sh jars    only resolve the jars (so a caller can time start-up without the download).
#
# Environment: EDC_HOME_DIR (bench/peers/edc/.edc), EDC_PORT_BASE (29191: api, +1 control,
# +2 management, +3 protocol, +4 version), EDC_DATABASE (edc_bench), EDC_PG_HOST/EDC_PG_PORT/
# EDC_PG_USER/EDC_PG_PASSWORD (127.0.0.1/5432/postgres/empty), EDC_API_KEY (bench-key),
# EDC_HEAP_OPTS (-Xms256m -Xmx1g), EDC_START_TIMEOUT (300 s), EDC_MVN_ARGS.
# Progress goes to stderr; stdout carries only the URL, so URL="$(edc.sh start)" works.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
POM="$SCRIPT_DIR/pom.xml"
HOME_DIR="${EDC_HOME_DIR:-$SCRIPT_DIR/.edc}"
PORT_BASE="${EDC_PORT_BASE:-29191}"
API_PORT="$PORT_BASE"
CONTROL_PORT=$((PORT_BASE + 1))
MANAGEMENT_PORT=$((PORT_BASE + 2))
PROTOCOL_PORT=$((PORT_BASE + 3))
VERSION_PORT=$((PORT_BASE + 4))
HOST="127.0.0.1"
DATABASE="${EDC_DATABASE:-edc_bench}"
PG_HOST="${EDC_PG_HOST:-127.0.0.1}"
PG_PORT="${EDC_PG_PORT:-5432}"
PG_USER="${EDC_PG_USER:-postgres}"
PG_PASSWORD="${EDC_PG_PASSWORD:-}"
API_KEY="${EDC_API_KEY:-bench-key}"
HEAP_OPTS="${EDC_HEAP_OPTS:--Xms256m -Xmx1g}"
START_TIMEOUT="${EDC_START_TIMEOUT:-300}"
STOP_TIMEOUT="${EDC_STOP_TIMEOUT:-30}"

LIB_DIR="$HOME_DIR/lib"
CONF="$HOME_DIR/edc.properties"
LOG_FILE="$HOME_DIR/edc.log"
PID_FILE="$HOME_DIR/edc.pid"
MANAGEMENT_URL="http://$HOST:$MANAGEMENT_PORT/management"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

log() { printf '[edc.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

pid_alive() {
  local pid="$1" stat
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  stat="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
  [[ "$stat" != Z* ]]
}

pid_is_ours() { # a live process whose command line names our config file
  local pid="$1" args
  pid_alive "$pid" || return 1
  args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
  [[ "$args" == *"$CONF"* ]]
}

read_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (EDC 0.15 needs Java 17+; set JAVA_HOME)"
  local v
  v="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  [[ -z "$v" || "$v" -ge 17 ]] || die "Java $v found, EDC needs Java 17+ (set JAVA_HOME)"
}

ensure_jars() {
  local stamp
  stamp="$(cksum <"$POM")"
  if [[ -f "$LIB_DIR/.stamp" && "$(cat "$LIB_DIR/.stamp")" == "$stamp" ]]; then return 0; fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch the EDC jars)"
  local tmp="$HOME_DIR/lib.tmp.$$" esc=$'\033'
  rm -rf "$tmp"
  log "resolving EDC jars with Maven into $LIB_DIR (first run downloads ~40 MB) ..."
  # shellcheck disable=SC2086  # EDC_MVN_ARGS is intentionally word-split
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$tmp" ${EDC_MVN_ARGS:-} 2>&1 | sed -e "s/${esc}\[[0-9;]*m//g" -e '/^[[:space:]]*$/d' >&2; then
    rm -rf "$tmp"; die "Maven dependency resolution failed (see output above)"
  fi
  compgen -G "$tmp/boot-*.jar" >/dev/null || { rm -rf "$tmp"; die "EDC boot jar missing after resolution"; }
  printf '%s' "$stamp" >"$tmp/.stamp"
  rm -rf "$LIB_DIR"; mv "$tmp" "$LIB_DIR"
  log "jars ready ($(ls "$LIB_DIR" | wc -l | tr -d ' ') files)"
}

fresh_database() {
  [[ "${EDC_FRESH_DATABASE:-1}" == "0" ]] && return 0
  command -v psql >/dev/null 2>&1 || die "psql not found: create database $DATABASE yourself and set EDC_FRESH_DATABASE=0"
  log "creating a fresh database $DATABASE on $PG_HOST:$PG_PORT"
  PGPASSWORD="$PG_PASSWORD" psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 \
    -c "drop database if exists \"$DATABASE\" with (force)" -c "create database \"$DATABASE\"" >&2 \
    || die "could not create database $DATABASE"
}

write_config() {
  # Regenerated on every start. The stores' tables are created by sql-bootstrapper
  # (edc.sql.schema.autocreate=true) from the schema.sql each SQL store module ships.
  cat >"$CONF" <<CONF
edc.participant.id=bench-provider
edc.hostname=$HOST
web.http.port=$API_PORT
web.http.path=/api
web.http.control.port=$CONTROL_PORT
web.http.control.path=/control
web.http.management.port=$MANAGEMENT_PORT
web.http.management.path=/management
web.http.management.auth.type=tokenbased
web.http.management.auth.key=$API_KEY
web.http.protocol.port=$PROTOCOL_PORT
web.http.protocol.path=/protocol
web.http.version.port=$VERSION_PORT
web.http.version.path=/version
edc.dsp.callback.address=http://$HOST:$PROTOCOL_PORT/protocol
edc.datasource.default.url=jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE
edc.datasource.default.user=$PG_USER
edc.datasource.default.password=$PG_PASSWORD
edc.sql.schema.autocreate=true
CONF
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while (( SECONDS < deadline )); do
    if ! pid_alive "$pid"; then
      log "EDC process $pid exited during start-up; last log lines:"; tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"; return 1
    fi
    if grep -q -E 'Runtime .* ready' "$LOG_FILE" 2>/dev/null && port_open "$MANAGEMENT_PORT"; then return 0; fi
    sleep 0.25
  done
  log "EDC did not become ready within ${START_TIMEOUT}s; last log lines:"; tail -n 40 "$LOG_FILE" >&2 || true
  return 1
}

stop_pid() {
  local pid="$1" deadline
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while pid_alive "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
  if pid_alive "$pid"; then
    log "EDC $pid still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while pid_alive "$pid" && (( SECONDS < deadline )); do sleep 0.1; done
  fi
}

cmd_start() {
  mkdir -p "$HOME_DIR"
  local pid
  pid="$(read_pid)"
  if [[ -n "$pid" ]] && pid_is_ours "$pid"; then die "already running (pid $pid); run edc.sh stop first"; fi
  rm -f "$PID_FILE"
  for p in "$API_PORT" "$CONTROL_PORT" "$MANAGEMENT_PORT" "$PROTOCOL_PORT" "$VERSION_PORT"; do
    port_open "$p" && die "port $p is already in use (set EDC_PORT_BASE)"
  done
  check_java
  ensure_jars
  fresh_database
  write_config
  : >"$LOG_FILE"
  log "starting EDC on $HOST ports $API_PORT-$VERSION_PORT (logs: $LOG_FILE)"
  local -a jvm launcher=()
  # shellcheck disable=SC2206  # heap options are intentionally word-split
  jvm=($HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true)
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  (
    cd "$HOME_DIR"
    exec ${launcher[@]+"${launcher[@]}"} "$JAVA" "${jvm[@]}" "-Dedc.fs.config=$CONF" \
      -cp "$LIB_DIR/*" org.eclipse.edc.boot.system.runtime.BaseRuntime
  ) </dev/null >>"$LOG_FILE" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  if ! wait_ready "$pid"; then
    pid_alive "$pid" && stop_pid "$pid"
    rm -f "$PID_FILE"; die "EDC failed to start"
  fi
  log "EDC is up (pid $pid)"
  echo "$MANAGEMENT_URL"
}

cmd_stop() {
  local pid
  pid="$(read_pid)"
  if [[ -z "$pid" ]] || ! pid_is_ours "$pid"; then rm -f "$PID_FILE"; log "not running"; return 0; fi
  log "stopping EDC (pid $pid) ..."
  stop_pid "$pid"
  pid_alive "$pid" && die "could not stop pid $pid"
  rm -f "$PID_FILE"; log "stopped"
}

cmd_status() {
  local pid
  pid="$(read_pid)"
  if [[ -n "$pid" ]] && pid_is_ours "$pid" && port_open "$MANAGEMENT_PORT"; then echo "$MANAGEMENT_URL"; return 0; fi
  log "not running"; return 1
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  pid) echo "$(read_pid)" ;;
  jars) mkdir -p "$HOME_DIR"; ensure_jars ;;
  *) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
