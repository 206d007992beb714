#!/usr/bin/env bash
# Single-node Apache Kafka 4.x (KRaft, combined broker+controller) on loopback,
# run straight from the Maven Central jars. For tests and local development.
#
#   kafka.sh start    resolve jars (first run only), format storage (first run
#                     only), start the broker in the background, wait until it
#                     serves; prints the bootstrap address as the LAST stdout line.
#                     Idempotent: if already running just prints the address.
#   kafka.sh stop     SIGTERM, wait up to KAFKA_STOP_TIMEOUT (30s), then SIGKILL.
#   kafka.sh status   exit 0 if running (prints the address), 1 otherwise.
#   kafka.sh reset    stop + wipe the data dir (jars are kept).
#   kafka.sh tool <main-class> [args...]
#                     run a Kafka CLI class on the same classpath, e.g.
#                     kafka.sh tool org.apache.kafka.tools.TopicCommand \
#                       --bootstrap-server 127.0.0.1:19092 --list
#
# All progress/diagnostics go to stderr; stdout only carries the address, so
#   BOOTSTRAP="$(scripts/kafka/kafka.sh start)"   works.
# See scripts/kafka/README.md for the environment variables.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
POM="$SCRIPT_DIR/pom.xml"

HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.kafka}"
PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
HOST="127.0.0.1"
ADDRESS="$HOST:$PORT"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
NUM_PARTITIONS="${KAFKA_NUM_PARTITIONS:-3}"
LOG_LEVEL="${KAFKA_LOG_LEVEL:-WARN}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
JVM_OPTS="${KAFKA_JVM_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}"
KAFKA_VERSION="${KAFKA_VERSION:-}"   # empty = version pinned in pom.xml

LIB_DIR="$HOME_DIR/lib"
DATA_DIR="$HOME_DIR/data"
CONF="$HOME_DIR/server.properties"
LOG4J_CONF="$HOME_DIR/log4j2.properties"
LOG_FILE="$HOME_DIR/kafka.log"
PID_FILE="$HOME_DIR/kafka.pid"
LOCK_FILE="$HOME_DIR/.lock"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi

log() { printf '[kafka.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- helpers ---

port_open() { # $1 = port; true if something accepts TCP on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

pid_alive() { # true if $1 is a live (non-zombie) process
  local pid="$1" stat
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  stat="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
  [[ "$stat" != Z* ]]
}

pid_is_our_broker() { # live process whose command line is our kafka.Kafka + our config
  local pid="$1" args
  pid_alive "$pid" || return 1
  args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
  [[ -z "$args" ]] && return 0            # ps gave nothing useful: trust kill -0
  [[ "$args" == *kafka.Kafka* && "$args" == *"$CONF"* ]]
}

read_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }

take_lock() { # serialise start/stop/reset between concurrent callers (if flock exists)
  mkdir -p "$HOME_DIR"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$LOCK_FILE"
    flock -w $((START_TIMEOUT + 60)) 9 || die "could not acquire $LOCK_FILE"
  fi
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (need Java 17+; set JAVA_HOME)"
  local v
  v="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  if [[ -n "$v" && "$v" -lt 17 ]]; then
    die "Java $v found, Kafka 4.x needs Java 17+ (set JAVA_HOME)"
  fi
}

jar_stamp() { # changes whenever pom.xml or KAFKA_VERSION changes
  printf '%s|%s' "$(cksum <"$POM")" "$KAFKA_VERSION"
}

ensure_jars() {
  local stamp
  stamp="$(jar_stamp)"
  if [[ -f "$LIB_DIR/.stamp" && "$(cat "$LIB_DIR/.stamp")" == "$stamp" ]] \
     && compgen -G "$LIB_DIR/kafka_2.13-*.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch the Kafka jars)"
  local tmp="$HOME_DIR/lib.tmp.$$"
  rm -rf "$tmp"
  log "resolving Kafka jars with Maven into $LIB_DIR (first run downloads ~40 MB) ..."
  local -a args=(-q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies
                 -DincludeScope=runtime -DoutputDirectory="$tmp")
  [[ -n "$KAFKA_VERSION" ]] && args+=("-Dkafka.version=$KAFKA_VERSION")
  # -q keeps Maven silent except for errors; the sed strips the stray ANSI
  # reset codes some Maven builds (e.g. Debian's 3.8) print even in -q mode.
  local esc=$'\033'
  # shellcheck disable=SC2086  # KAFKA_MVN_ARGS is intentionally word-split
  if ! mvn "${args[@]}" ${KAFKA_MVN_ARGS:-} 2>&1 | sed -e "s/${esc}\[[0-9;]*m//g" -e '/^[[:space:]]*$/d' >&2; then
    rm -rf "$tmp"
    die "Maven dependency resolution failed (see output above)"
  fi
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || { rm -rf "$tmp"; die "kafka_2.13 jar missing after resolution"; }
  printf '%s' "$stamp" >"$tmp/.stamp"
  rm -rf "$LIB_DIR"
  mv "$tmp" "$LIB_DIR"
  log "jars ready ($(ls "$LIB_DIR" | wc -l | tr -d ' ') files)"
}

write_configs() {
  mkdir -p "$DATA_DIR"
  # Regenerated on every start so env var changes (ports, partitions) apply.
  cat >"$CONF" <<EOF
# Generated by scripts/kafka/kafka.sh -- do not edit, it is rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$DATA_DIR
num.partitions=$NUM_PARTITIONS
auto.create.topics.enable=true
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# dev/test friendliness
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
  if [[ -n "${KAFKA_EXTRA_CONFIG:-}" ]]; then
    printf '# KAFKA_EXTRA_CONFIG\n%s\n' "$KAFKA_EXTRA_CONFIG" >>"$CONF"
  fi

  # Log4j2: quiet by default (root = KAFKA_LOG_LEVEL, default WARN), but always
  # keep the "Kafka Server started" INFO line, used for readiness detection.
  local started_level="INFO"
  case "$(printf '%s' "$LOG_LEVEL" | tr '[:lower:]' '[:upper:]')" in
    DEBUG|TRACE|ALL) started_level="$LOG_LEVEL" ;;
  esac
  cat >"$LOG4J_CONF" <<EOF
status = error
name = kafka-dev
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = $LOG_LEVEL
rootLogger.appenderRef.out.ref = STDOUT
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = $started_level
EOF
}

format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  # Random 16-byte Kafka Uuid, base64url without padding (22 chars). Like
  # Kafka's Uuid.randomUuid(), re-roll ids starting with '-' (the CLI parser
  # would take them for an option).
  local cluster_id="-"
  while [[ "$cluster_id" == -* || ${#cluster_id} -ne 22 ]]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  log "formatting storage in $DATA_DIR (cluster id $cluster_id)"
  "$JAVA" -Xmx256m "-Dlog4j2.configurationFile=$LOG4J_CONF" -cp "$LIB_DIR/*" \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$CONF" --ignore-formatted 1>&2 \
    || die "storage format failed"
}

# Wait until process $1 logs "Kafka Server started" and the port accepts.
wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while (( SECONDS < deadline )); do
    if ! pid_alive "$pid"; then
      log "broker process $pid exited during startup; last log lines:"
      tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
      rm -f "$PID_FILE"
      return 1
    fi
    if grep -q "Kafka Server started" "$LOG_FILE" 2>/dev/null && port_open "$PORT"; then
      return 0
    fi
    sleep 0.25
  done
  log "broker did not become ready within ${START_TIMEOUT}s; last log lines:"
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
  return 1
}

stop_pid() { # $1 = pid
  local pid="$1" deadline
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while pid_alive "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
  if pid_alive "$pid"; then
    log "broker $pid still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while pid_alive "$pid" && (( SECONDS < deadline )); do sleep 0.1; done
  fi
}

# --------------------------------------------------------------- commands ---

cmd_start() {
  take_lock
  local pid
  pid="$(read_pid)"
  if [[ -n "$pid" ]] && pid_is_our_broker "$pid"; then
    if port_open "$PORT"; then
      log "already running (pid $pid)"
      echo "$ADDRESS"
      return 0
    fi
    log "broker pid $pid is alive but not serving yet, waiting ..."
    if wait_ready "$pid"; then echo "$ADDRESS"; return 0; fi
    stop_pid "$pid"; rm -f "$PID_FILE"
    die "existing broker never became ready (stopped it)"
  fi
  rm -f "$PID_FILE"   # stale

  port_open "$PORT" && die "port $PORT is already in use by another process (set KAFKA_PORT)"
  port_open "$CONTROLLER_PORT" && die "port $CONTROLLER_PORT is already in use by another process (set KAFKA_CONTROLLER_PORT)"

  check_java
  ensure_jars
  write_configs
  format_storage

  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
  : >"$LOG_FILE"

  log "starting Kafka broker on $ADDRESS (controller $HOST:$CONTROLLER_PORT, logs: $LOG_FILE)"
  local -a jvm
  # shellcheck disable=SC2206  # heap/JVM opts are intentionally word-split
  jvm=($HEAP_OPTS $JVM_OPTS)
  # Detach: own session (setsid, if available) so Ctrl-C / process-group kills of
  # the caller don't take the broker down; stdin/stdout/stderr and the lock fd are
  # not inherited, so `$(kafka.sh start)` returns as soon as we print the address.
  local -a launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  (
    cd "$HOME_DIR"
    exec ${launcher[@]+"${launcher[@]}"} "$JAVA" "${jvm[@]}" \
      "-Dlog4j2.configurationFile=$LOG4J_CONF" "-Dkafka.logs.dir=$HOME_DIR" \
      -cp "$LIB_DIR/*" kafka.Kafka "$CONF"
  ) </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"

  local t0=$SECONDS
  if ! wait_ready "$pid"; then
    pid_alive "$pid" && stop_pid "$pid"
    rm -f "$PID_FILE"
    die "Kafka failed to start"
  fi
  log "Kafka is up (pid $pid, ${SECONDS}s total, $((SECONDS - t0))s JVM startup)"
  echo "$ADDRESS"
}

cmd_stop() {
  take_lock
  local pid
  pid="$(read_pid)"
  if [[ -z "$pid" ]] || ! pid_is_our_broker "$pid"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping broker (pid $pid) ..."
  stop_pid "$pid"
  if pid_alive "$pid"; then
    die "could not stop pid $pid"
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  pid="$(read_pid)"
  if [[ -n "$pid" ]] && pid_is_our_broker "$pid" && port_open "$PORT"; then
    log "running (pid $pid) on $ADDRESS"
    echo "$ADDRESS"
    return 0
  fi
  log "not running"
  return 1
}

cmd_reset() {
  cmd_stop
  log "wiping $DATA_DIR"
  rm -rf "$DATA_DIR"
}

cmd_tool() {
  [[ $# -ge 1 ]] || die "usage: kafka.sh tool <main-class> [args...]"
  check_java
  mkdir -p "$HOME_DIR"
  ensure_jars
  local main="$1"; shift
  # Tools log through the Log4j2 default config (errors only) unless overridden.
  exec "$JAVA" -Xmx256m -cp "$LIB_DIR/*" "$main" "$@"
}

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start)  cmd_start ;;
    stop)   cmd_stop ;;
    status) cmd_status ;;
    reset)  cmd_reset ;;
    tool|run-class) cmd_tool "$@" ;;
    -h|--help|help) usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"
