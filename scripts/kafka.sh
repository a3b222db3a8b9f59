#!/usr/bin/env bash
# kafka.sh - a real single-node Apache Kafka (KRaft: one process is broker and
# controller) for development and CI. No Docker, no tarball: the broker jars
# come from Maven Central through `mvn dependency:copy-dependencies`.
#
# Needs: JDK 17+ (java, or $JAVA_HOME/bin/java), Maven 3.6.1+ (mvn) and network
# access to Maven Central (or a mirror in ~/.m2/settings.xml) on the first run.
#
# Usage: scripts/kafka.sh <command>
#   setup         resolve the jars (cached) and write the configs
#   start         setup, format the storage if new, start in the background and
#                 wait until the broker serves clients; a no-op when running
#   stop          SIGTERM (controlled shutdown), wait, then SIGKILL
#   status        exit 0 running and serving, 1 running but not serving, 3 stopped
#   logs [N|-f]   last N (100) lines of the broker log, or follow it
#   clean [--all] stop, delete data, logs and configs (--all: also the jars);
#                 needed after switching to an older KAFKA_VERSION
#
# Clients connect to $KAFKA_HOST:$KAFKA_PORT (127.0.0.1:9092). Topics are not
# auto-created unless KAFKA_AUTO_CREATE_TOPICS=true.
#
# Environment (defaults in brackets):
#   KAFKA_STATE_DIR        [${XDG_CACHE_HOME:-$HOME/.cache}/newsdesk-kafka]
#                          holds libs/<version>/, config/, data/, logs/, kafka.pid
#   KAFKA_VERSION          [4.3.1] any 4.x release on Maven Central
#   KAFKA_HOST             [127.0.0.1] listen and advertised address
#   KAFKA_PORT             [9092] client listener (PLAINTEXT)
#   KAFKA_CONTROLLER_PORT  [9093] KRaft controller listener
#   KAFKA_AUTO_CREATE_TOPICS [false]
#   KAFKA_HEAP_OPTS        [-Xms128m -Xmx512m]
#   KAFKA_JVM_OPTS         [G1 with Kafka's pause settings] JVM flags besides the heap
#   KAFKA_START_TIMEOUT    [90] seconds until start gives up (and stops it)
#   KAFKA_STOP_TIMEOUT     [30] seconds of SIGTERM before SIGKILL
#   KAFKA_LOG4J2_VERSION   [2.25.4] log4j2 used as the slf4j backend
#   KAFKA_MVN_ARGS         [] extra arguments for mvn (e.g. -o, -s settings.xml)
set -Eeuo pipefail

readonly PROG=kafka.sh
readonly KAFKA_VERSION=${KAFKA_VERSION:-4.3.1}
readonly SCALA_VERSION=2.13
readonly LOG4J2_VERSION=${KAFKA_LOG4J2_VERSION:-2.25.4}
readonly MDP_VERSION=3.8.1 # maven-dependency-plugin
readonly STATE_DIR=${KAFKA_STATE_DIR:-${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/newsdesk-kafka}
readonly HOST=${KAFKA_HOST:-127.0.0.1}
readonly PORT=${KAFKA_PORT:-9092}
readonly CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
readonly AUTO_CREATE=${KAFKA_AUTO_CREATE_TOPICS:-false}
readonly HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}
readonly JVM_OPTS=${KAFKA_JVM_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}
readonly START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
readonly STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
readonly MVN_ARGS=${KAFKA_MVN_ARGS:-}

readonly LIBS=$STATE_DIR/libs/$KAFKA_VERSION
readonly CONF=$STATE_DIR/config
readonly DATA=$STATE_DIR/data
readonly LOGS=$STATE_DIR/logs
readonly SERVER_LOG=$LOGS/server.log
readonly PIDFILE=$STATE_DIR/kafka.pid
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi
readonly JAVA

log() { echo "$PROG: $*" >&2; }
die() {
  log "error: $*"
  log "logs are in $LOGS (server: $SERVER_LOG; show with: scripts/kafka.sh logs)"
  exit 1
}
on_err() { log "error: '$2' failed (exit $1, line $3)"; log "logs are in $LOGS"; }
trap 'on_err $? "$BASH_COMMAND" $LINENO' ERR

is_port() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }
is_port "$PORT" || die "KAFKA_PORT=$PORT is not a port number"
is_port "$CONTROLLER_PORT" || die "KAFKA_CONTROLLER_PORT=$CONTROLLER_PORT is not a port number"
[ "$PORT" != "$CONTROLLER_PORT" ] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT are both $PORT"
[[ $KAFKA_VERSION =~ ^([4-9]|[1-9][0-9]+)\.[0-9] ]] || die "KAFKA_VERSION=$KAFKA_VERSION: this script runs Kafka 4.x (KRaft, log4j2)"
[[ $START_TIMEOUT =~ ^[0-9]+$ && $STOP_TIMEOUT =~ ^[0-9]+$ ]] || die "KAFKA_START_TIMEOUT/KAFKA_STOP_TIMEOUT must be whole seconds"

# lock serialises the commands that change state (two `start`s at once would
# race on the pidfile and the port). The broker must not inherit fd 9.
lock() {
  mkdir -p "$STATE_DIR"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$STATE_DIR/.lock"
  flock -w $((START_TIMEOUT + STOP_TIMEOUT + 60)) 9 || die "another $PROG holds $STATE_DIR/.lock"
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found: install a JDK 17+ or set JAVA_HOME"
  local v
  v=$("$JAVA" -version 2>&1 | sed -n -E '1s/.*version "([0-9]+)[."].*/\1/p')
  if [ -z "$v" ] || [ "$v" -lt 17 ]; then
    die "Kafka 4 needs Java 17+, found: $("$JAVA" -version 2>&1 | head -1)"
  fi
}

jar_summary() { echo "$(find "$LIBS" -name '*.jar' | wc -l | tr -d ' ') jars, $(du -sh "$LIBS" | cut -f1)"; }

write_pom() {
  cat >"$1" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.newsdesk</groupId>
  <artifactId>kafka-broker-runtime</artifactId>
  <version>$KAFKA_VERSION</version>
  <packaging>pom</packaging>
  <dependencies>
    <!-- kafka_$SCALA_VERSION pulls kafka-server, -raft, -metadata, -storage, the coordinators and kafka-clients. -->
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_$SCALA_VERSION</artifactId><version>$KAFKA_VERSION</version></dependency>
    <!-- Kafka 4 logs through slf4j 1.7; the tarball's backend is log4j2 (same version for all three). -->
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-api</artifactId><version>$LOG4J2_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J2_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>$LOG4J2_VERSION</version></dependency>
  </dependencies>
</project>
EOF
}

# resolve_jars fills $LIBS atomically: a half-finished download never looks complete.
resolve_jars() {
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Maven 3.6.1+"
  local work=$STATE_DIR/libs/.tmp-$KAFKA_VERSION-$$
  rm -rf "$work"
  mkdir -p "$work/jars" "$LOGS"
  write_pom "$work/pom.xml"
  log "resolving org.apache.kafka:kafka_$SCALA_VERSION:$KAFKA_VERSION with Maven (log: $LOGS/maven.log) ..."
  # shellcheck disable=SC2086 # MVN_ARGS is a list of words
  if ! mvn -B -ntp $MVN_ARGS -f "$work/pom.xml" \
    "org.apache.maven.plugins:maven-dependency-plugin:$MDP_VERSION:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$work/jars" >"$LOGS/maven.log" 2>&1; then
    tail -n 25 "$LOGS/maven.log" >&2
    rm -rf "$work"
    die "maven could not resolve the Kafka jars (full log: $LOGS/maven.log)"
  fi
  [ -f "$work/jars/kafka_$SCALA_VERSION-$KAFKA_VERSION.jar" ] || { rm -rf "$work"; die "kafka_$SCALA_VERSION-$KAFKA_VERSION.jar missing after mvn"; }
  cp "$work/pom.xml" "$work/jars/pom.xml"
  echo "$KAFKA_VERSION log4j2=$LOG4J2_VERSION" >"$work/jars/.complete"
  rm -rf "$LIBS"
  mv "$work/jars" "$LIBS"
  rm -rf "$work"
}

write_configs() {
  mkdir -p "$CONF" "$DATA" "$LOGS"
  cat >"$CONF/server.properties" <<EOF
# Generated by scripts/kafka.sh on every start; edit the script, not this file.
# Single-node KRaft: this process is the only broker and the only controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA

# Topics: created explicitly by the service; one replica is all one node has.
auto.create.topics.enable=$AUTO_CREATE
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=1
# Tests: no 3 s wait before a consumer group's first rebalance.
group.initial.rebalance.delay.ms=0

# Small machine: few threads, small buffers (the cleaner's default is 128 MiB of heap).
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
group.coordinator.threads=1
share.coordinator.threads=1
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=16777216
log.retention.hours=72
log.segment.bytes=67108864
# message.max.bytes keeps its default (1 MiB): clients must batch below it.
EOF
  cat >"$CONF/log4j2.properties" <<'EOF'
# Broker logging: everything to stdout, which start sends to logs/server.log.
status = warn
name = kafka
# Kafka's own shutdown hook logs the controlled shutdown; log4j must not stop first.
shutdownHook = disable
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.channel.name = kafka.network.RequestChannel$
logger.channel.level = WARN
logger.state.name = state.change.logger
logger.state.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
# The full config dumps (~1200 lines per start).
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = WARN
EOF
  cat >"$CONF/tools-log4j2.properties" <<'EOF'
status = warn
name = kafka-tools
appender.err.type = Console
appender.err.name = ERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = ERR
EOF
}

cmd_setup() {
  check_java
  if [ -f "$LIBS/.complete" ]; then
    log "jars cached in $LIBS ($(jar_summary))"
  else
    resolve_jars
    log "jars ready in $LIBS ($(jar_summary))"
  fi
  write_configs
}

# new_cluster_id prints a Kafka cluster id: 16 random bytes, URL-safe base64
# without padding, not starting with '-' (as Kafka's Uuid.randomUuid does).
new_cluster_id() {
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [ "${id:0:1}" != - ] && [ ${#id} -eq 22 ] && break
  done
  echo "$id"
}

format_storage() {
  if [ -f "$DATA/meta.properties" ]; then return 0; fi
  local id
  id=$(new_cluster_id)
  log "formatting $DATA (cluster id $id)"
  if ! "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$CONF/tools-log4j2.properties" -cp "$LIBS/*" \
    kafka.tools.StorageTool format -t "$id" -c "$CONF/server.properties" >"$LOGS/format.log" 2>&1; then
    cat "$LOGS/format.log" >&2
    die "kafka-storage format failed (log: $LOGS/format.log)"
  fi
}

# alive: the process exists and is not a zombie (an init that does not reap
# would otherwise make a stopped broker look alive).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local st
  st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $st != Z* ]]
}

cmdline() {
  if [ -r "/proc/$1/cmdline" ]; then tr '\0' ' ' <"/proc/$1/cmdline"; else ps -ww -o args= -p "$1" 2>/dev/null; fi
}

# broker_pid prints the pid from the pidfile if that process is our broker
# (guards against a stale pidfile whose pid was reused).
broker_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  [[ $(cmdline "$pid") == *kafka.Kafka*"$CONF/server.properties"* ]] || return 1
  echo "$pid"
}

# shellcheck disable=SC2016 # $0 and $1 expand in the inner bash
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }

# kafka_call sends one request ($1: printf escapes of the whole frame, size
# included) to $HOST:$PORT and prints the first $2 bytes of the answer as
# decimal numbers. Speaking the protocol from bash keeps readiness checks free
# of a second JVM; the versions used are the oldest that Kafka 4 still serves.
kafka_call() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "$2" >&3
    head -c "$3" <&3 | od -An -v -tu1' "$HOST" "$PORT" "$1" "$2" 2>/dev/null
}

# serving succeeds when a Metadata v4 request (no topics) lists at least one
# live broker: the node has caught up with the controller and is unfenced,
# so it accepts produce, fetch and CreateTopics.
serving() {
  local out
  local -a b
  # size=20 | api key 3 (Metadata) | v4 | correlation id 7 | client id "probe" | topics=[] | auto-create=false
  out=$(kafka_call '\x00\x00\x00\x14\x00\x03\x00\x04\x00\x00\x00\x07\x00\x05probe\x00\x00\x00\x00\x00' 16) || return 1
  # answer: size(4) | correlation id(4) | throttle ms(4) | broker count(4)
  # shellcheck disable=SC2206 # split od's numbers into words
  b=($out)
  [ ${#b[@]} -eq 16 ] && [ "${b[*]:4:4}" = "0 0 0 7" ] &&
    [ $(((b[12] << 24) | (b[13] << 16) | (b[14] << 8) | b[15])) -ge 1 ]
}

# coordinator_ready succeeds when FindCoordinator v1 for a group answers
# without error. The first such request creates __consumer_offsets, so the
# first consumer group of a test run does not wait for it (~5 s in kafka-go).
coordinator_ready() {
  local out
  local -a b
  # size=23 | api key 10 (FindCoordinator) | v1 | correlation id 7 | client id "probe" | key "probe" | key type 0 (group)
  out=$(kafka_call '\x00\x00\x00\x17\x00\x0a\x00\x01\x00\x00\x00\x07\x00\x05probe\x00\x05probe\x00' 14) || return 1
  # answer: size(4) | correlation id(4) | throttle ms(4) | error code(2)
  # shellcheck disable=SC2206
  b=($out)
  [ ${#b[@]} -eq 14 ] && [ "${b[*]:4:4}" = "0 0 0 7" ] && [ "${b[*]:12:2}" = "0 0" ]
}

rss() { ps -o rss= -p "$1" 2>/dev/null | awk '{printf "%d MiB", $1 / 1024}'; }

# wait_serving waits for the broker to serve clients; on failure it prints the
# log tail and, when stop_on_fail=1, stops the broker this call started.
wait_serving() {
  local pid=$1 stop_on_fail=$2 t0=$SECONDS
  while :; do
    if ! alive "$pid"; then
      rm -f "$PIDFILE"
      tail -n 40 "$SERVER_LOG" >&2 || true
      die "broker (pid $pid) exited during startup"
    fi
    if serving && coordinator_ready; then
      log "serving on $HOST:$PORT (pid $pid, ready after $((SECONDS - t0))s, RSS $(rss "$pid"))"
      return 0
    fi
    if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
      tail -n 40 "$SERVER_LOG" >&2 || true
      [ "$stop_on_fail" = 1 ] && stop_pid "$pid"
      die "broker not serving on $HOST:$PORT after ${START_TIMEOUT}s (KAFKA_START_TIMEOUT)"
    fi
    sleep 0.5
  done
}

cmd_start() {
  lock
  local pid
  if pid=$(broker_pid); then
    log "already running (pid $pid)"
    wait_serving "$pid" 0
    return 0
  fi
  rm -f "$PIDFILE"
  port_open "$HOST" "$PORT" && die "$HOST:$PORT is taken by another process (not this broker); set KAFKA_PORT"
  port_open "$HOST" "$CONTROLLER_PORT" && die "$HOST:$CONTROLLER_PORT is taken by another process; set KAFKA_CONTROLLER_PORT"
  cmd_setup
  format_storage
  [ -s "$SERVER_LOG" ] && mv -f "$SERVER_LOG" "$SERVER_LOG.1"
  log "starting Kafka $KAFKA_VERSION (log: $SERVER_LOG)"
  # nohup: survive the terminal closing; same process group, so a CI job that
  # kills its group takes the broker with it. fd 9 (the lock) is closed.
  # shellcheck disable=SC2086 # option lists are words
  (cd "$STATE_DIR" && exec nohup "$JAVA" $HEAP_OPTS $JVM_OPTS \
    -Dlog4j2.configurationFile="$CONF/log4j2.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$LIBS/*" kafka.Kafka "$CONF/server.properties" </dev/null >"$SERVER_LOG" 2>&1 9>&-) &
  pid=$!
  echo "$pid" >"$PIDFILE"
  wait_serving "$pid" 1
}

# stop_pid stops the broker: SIGTERM runs Kafka's controlled shutdown.
stop_pid() {
  local pid=$1 t0=$SECONDS
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && [ $((SECONDS - t0)) -lt "$STOP_TIMEOUT" ]; do sleep 0.2; done
  if alive "$pid"; then
    log "still running after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid" && [ $((SECONDS - t0)) -lt $((STOP_TIMEOUT + 10)) ]; do sleep 0.2; done
    alive "$pid" && die "pid $pid survived SIGKILL"
  fi
  rm -f "$PIDFILE"
  log "stopped after $((SECONDS - t0))s"
}

cmd_stop() {
  lock
  local pid
  if pid=$(broker_pid); then stop_pid "$pid"; else
    rm -f "$PIDFILE"
    log "not running"
  fi
}

cmd_status() {
  local pid
  if ! pid=$(broker_pid); then
    echo "stopped (state: $STATE_DIR)"
    return 3
  fi
  if serving; then
    echo "running: pid $pid, serving on $HOST:$PORT, RSS $(rss "$pid"), Kafka $KAFKA_VERSION, state $STATE_DIR"
  else
    echo "running: pid $pid, NOT serving on $HOST:$PORT yet (log: $SERVER_LOG)"
    return 1
  fi
}

cmd_logs() {
  [ -f "$SERVER_LOG" ] || die "no log yet ($SERVER_LOG)"
  log "$SERVER_LOG"
  case "${1:-100}" in
    -f) exec tail -n 50 -F "$SERVER_LOG" ;;
    *[!0-9]* | '') die "usage: $PROG logs [N|-f]" ;;
    *) tail -n "$1" "$SERVER_LOG" ;;
  esac
}

cmd_clean() {
  cmd_stop
  rm -rf "$DATA" "$LOGS" "$CONF" "$PIDFILE"
  if [ "${1:-}" = --all ]; then
    rm -rf "$STATE_DIR/libs"
    log "removed data, logs, configs and jars under $STATE_DIR (~/.m2 kept)"
  else
    log "removed data, logs and configs under $STATE_DIR (jars kept)"
  fi
}

usage() { sed -n '2,/^set -Eeuo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }

case "${1:-}" in
  setup) lock; cmd_setup ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status || exit $? ;;
  logs) cmd_logs "${2:-100}" ;;
  clean) cmd_clean "${2:-}" ;;
  help | -h | --help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
