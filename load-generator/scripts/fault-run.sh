#!/usr/bin/env bash
# Fault run: the local stack in infra-only mode (Kafka + PostgreSQL), the six services as separate processes,
# open-loop load from the load generator, and in the middle of the load `kill -9` of one service or of the Kafka
# broker, and its restart. Ends by checking the invariants: accepted = decided = settled = ledger rows, no duplicate,
# the dashboard's totals equal to the ledger's, the OTC pools' inventory moved exactly by their fills, every service
# still running. Exit code 0 only if all hold.
#
#   load-generator/scripts/fault-run.sh <service|kafka|postgres|infra> [--rate=50] [--duration=40s] [--down=10s]
#                                       [--keep] [--service-jvm-options="<jvm options>"]
#
#   <service>  price-service, quote-service, otc-pool-service, ledger-service, router-service, dashboard-service:
#              kill -9 of that service, started again 2 s later
#   kafka      PostgreSQL and Kafka in two infra processes (local-stack --infra-only=postgres, --infra-only=kafka);
#              kill -9 of the broker's process, started again 5 s later on the same data directory (same cluster
#              id, topics, records and committed offsets); the services have to ride it out without a restart
#   postgres   PostgreSQL and Kafka in two infra processes; PostgreSQL alone is stopped (SIGTERM of its infra process)
#              for --down seconds (default 10) and started again on the same data, Kafka up all along; the services
#              have to wait it out: readiness DOWN, listeners retrying, the router refusing with 5xx (the load
#              generator retries with the same Idempotency-Key)
#   infra      one infra process (--infra-only); restarts it whole (SIGTERM, then start again on the same data):
#              broker AND PostgreSQL
#   --keep     keep the temporary directory (logs, data) even when the run passed
#   --service-jvm-options, or the environment variable SERVICE_JVM_OPTS: replace the services' JVM options, all of
#              them (default as local-stack's ServiceProcess: -Xms64m -Xmx384m -XX:TieredStopAtLevel=1
#              -XX:+UseSerialGC, C1 only); e.g. "-Xms384m -Xmx384m -XX:+UseSerialGC" for the full tiered JIT
#
# Needs the jars: ./mvnw -q -DskipTests install (and load-generator/target/load-generator.jar).
# Uses the local stack's fixed ports (29092, 29093, 54329, 8080-8085): nothing else may be running on them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES=(price-service quote-service otc-pool-service ledger-service router-service dashboard-service)
declare -A PORT=([price-service]=8082 [quote-service]=8083 [otc-pool-service]=8084 [ledger-service]=8085
                 [router-service]=8081 [dashboard-service]=8080)
JVM_OPTS=(-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)   # as local-stack's ServiceProcess
if [[ -n "${SERVICE_JVM_OPTS+set}" ]]; then read -r -a JVM_OPTS <<<"$SERVICE_JVM_OPTS"; fi
RATE=50
DURATION=40
KEEP=false
PG_DOWN=10
KAFKA_DOWN=5   # seconds the broker stays dead in kafka mode: longer than a reconnect backoff, far below delivery.timeout.ms
# What each local-stack infra mode logs once it is up (local-stack's InfraOnlyInstructions).
BOTH_READY='Kafka and PostgreSQL are running.'
KAFKA_READY='Kafka is running.'
POSTGRES_READY='PostgreSQL is running.'

# The header comment above, up to the first line that is not a comment.
usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 2; }
[[ $# -ge 1 ]] || usage
TARGET="$1"; shift
for arg in "$@"; do
  case "$arg" in
    --rate=*) RATE="${arg#--rate=}" ;;
    --duration=*) DURATION="${arg#--duration=}"; DURATION="${DURATION%s}" ;;
    --keep) KEEP=true ;;
    --down=*) PG_DOWN="${arg#--down=}"; PG_DOWN="${PG_DOWN%s}" ;;
    --service-jvm-options=*) read -r -a JVM_OPTS <<<"${arg#--service-jvm-options=}" ;;
    *) usage ;;
  esac
done
case "$TARGET" in
  price-service|quote-service|otc-pool-service|ledger-service|router-service|dashboard-service|kafka|postgres|infra) ;;
  *) usage ;;
esac

log() { printf '[fault-run %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

for jar in local-stack/target/local-stack.jar load-generator/target/load-generator.jar; do
  [[ -f "$ROOT/$jar" ]] || { echo "missing $ROOT/$jar: build first (./mvnw -q -DskipTests install)"; exit 2; }
done
for service in "${SERVICES[@]}"; do
  [[ -f "$ROOT/$service/target/$service.jar" ]] || { echo "missing $service.jar: build first"; exit 2; }
done
for port in 29092 29093 54329 "${PORT[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: stop the other local stack first"; exit 2
  fi
done

WORK="$(mktemp -d /tmp/fault-run.XXXXXX)"
DATA="$WORK/data"
mkdir -p "$WORK/logs"
declare -A PID=()
INFRA_PID=""   # the process running PostgreSQL (and Kafka, except in kafka mode)
KAFKA_PID=""   # kafka mode only: the process running the broker alone
PASSED=false

stop_pid() {   # pid, signal, seconds to wait before SIGKILL
  local pid="$1" signal="$2" wait="$3"
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  for ((i = 0; i < wait * 10; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  [[ -n "${LOADGEN_PID:-}" ]] && stop_pid "$LOADGEN_PID" TERM 2
  local -a stoppers=()
  for service in "${!PID[@]}"; do stop_pid "${PID[$service]}" TERM 15 & stoppers+=($!); done
  for stopper in "${stoppers[@]}"; do wait "$stopper" 2>/dev/null || true; done
  [[ -n "$KAFKA_PID" ]] && stop_pid "$KAFKA_PID" TERM 30
  [[ -n "$INFRA_PID" ]] && stop_pid "$INFRA_PID" TERM 30
  # PostgreSQL runs as a child of the infra process; if that one had to be killed, stop the postmaster too.
  local postmaster
  postmaster="$(find "$DATA" -name postmaster.pid 2>/dev/null | head -1)"
  if [[ -n "$postmaster" ]]; then
    local pg_pid; pg_pid="$(head -1 "$postmaster")"
    [[ -n "$pg_pid" ]] && stop_pid "$pg_pid" INT 10
  fi
  if [[ "$PASSED" == true && "$KEEP" == false ]]; then rm -rf "$WORK"; else log "logs and data kept in $WORK"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts `local-stack.jar <infra-only argument>` on $DATA, logging to logs/<name>.log, and waits until it has logged
# its ready line once more than before (the log is appended to across restarts). The pid goes into the variable
# named by <pid variable> at once, so that cleanup stops the process even if it never gets ready.
start_infra() {
  local pid_var="$1" name="$2" infra_only="$3" ready="$4" runs_before="$5"
  local logfile="$WORK/logs/$name.log"
  java -jar "$ROOT/local-stack/target/local-stack.jar" "$infra_only" --data-dir="$DATA" >>"$logfile" 2>&1 &
  printf -v "$pid_var" '%s' "$!"
  for ((i = 0; i < 180; i++)); do
    if [[ "$(grep -cF "$ready" "$logfile" || true)" -gt "$runs_before" ]]; then
      return 0
    fi
    kill -0 "${!pid_var}" 2>/dev/null || { tail -20 "$logfile"; echo "$name exited"; exit 1; }
    sleep 0.5
  done
  echo "$name not up within 90 s"; exit 1
}

# A variable from the `export NAME=value` lines the infra processes log.
infra_env() {
  sed -n "s/^export $1=//p" "$WORK"/logs/infra*.log | head -1
}

# The cluster ids the broker reported on each start, one per line (local-stack's KafkaStorage).
kafka_cluster_ids() {
  sed -n 's/.*Kafka storage .*(cluster id \([^)]*\)).*/\1/p' "$WORK"/logs/infra*.log
}

# The environment exactly as ServiceCatalog gives it (the infra-only mode prints the Kafka/database part).
start_service() {
  local service="$1"
  local -a env=(SERVER_PORT="${PORT[$service]}" KAFKA_BOOTSTRAP_SERVERS="$KAFKA")
  case "$service" in
    otc-pool-service|ledger-service|router-service)
      env+=(DATABASE_URL="$DB_URL" DATABASE_USERNAME="$DB_USER" DATABASE_PASSWORD="$DB_PASSWORD") ;;
  esac
  case "$service" in
    quote-service) env+=(JUPITER_MODE=simulated) ;;
    otc-pool-service) env+=(OTC_POOL_ALLOW_STALE_PRICES=true) ;;
    dashboard-service) env+=(ROUTER_URL="http://127.0.0.1:${PORT[router-service]}"
                             POOL_URL="http://127.0.0.1:${PORT[otc-pool-service]}") ;;
  esac
  echo "=== started $(date -u +%FT%TZ)" >>"$WORK/logs/$service.log"
  env "${env[@]}" java "${JVM_OPTS[@]}" -jar "$ROOT/$service/target/$service.jar" >>"$WORK/logs/$service.log" 2>&1 &
  PID[$service]=$!
}

wait_healthy() {
  local service="$1" timeout="${2:-180}" started=$SECONDS
  until curl -sf "http://127.0.0.1:${PORT[$service]}/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "${PID[$service]}" 2>/dev/null || { tail -30 "$WORK/logs/$service.log"; echo "$service exited"; exit 1; }
    ((SECONDS - started < timeout)) || { echo "$service not healthy within $timeout s"; exit 1; }
    sleep 0.5
  done
  log "$service healthy after $((SECONDS - started)) s"
}

if [[ "$TARGET" == kafka || "$TARGET" == postgres ]]; then
  log "infra-only local stack as two processes, PostgreSQL and Kafka, data in $DATA"
  start_infra INFRA_PID infra-postgres --infra-only=postgres "$POSTGRES_READY" 0
  start_infra KAFKA_PID infra-kafka --infra-only=kafka "$KAFKA_READY" 0
else
  log "infra-only local stack, data in $DATA"
  start_infra INFRA_PID infra --infra-only "$BOTH_READY" 0
fi
KAFKA="$(infra_env KAFKA_BOOTSTRAP_SERVERS)"
DB_URL="$(infra_env DATABASE_URL)"
DB_USER="$(infra_env DATABASE_USERNAME)"
DB_PASSWORD="$(infra_env DATABASE_PASSWORD)"
# Every service's credentials, as the local stack generates them (keys and the dashboard admin password in $DATA).
java -jar "$ROOT/local-stack/target/local-stack.jar" --write-env="$WORK/credentials.env" --data-dir="$DATA" \
  >>"$WORK/logs/credentials.log" 2>&1
set -a; source "$WORK/credentials.env"; set +a
API_KEY="$(cat "$DATA/router-api-key")"
log "Kafka $KAFKA, PostgreSQL $DB_URL; service JVM options: ${JVM_OPTS[*]:-(JVM defaults)}"

for service in "${SERVICES[@]}"; do start_service "$service"; done
for service in "${SERVICES[@]}"; do wait_healthy "$service"; done

log "load: $RATE trades/s for $DURATION s; $TARGET is killed after $((DURATION / 2)) s and restarted"
java -jar "$ROOT/load-generator/target/load-generator.jar" --rate="$RATE" --duration="${DURATION}s" \
  --router="http://127.0.0.1:${PORT[router-service]}" --api-key="$API_KEY" \
  --dashboard="http://127.0.0.1:${PORT[dashboard-service]}" --dashboard-password-file="$DATA/dashboard-admin-password" \
  --kafka="$KAFKA" --db="$DB_URL" \
  --db-user="$DB_USER" --db-password="$DB_PASSWORD" --retry-for=180s --drain-timeout=180s --check-pools \
  --stack-pattern="$DATA,$ROOT/price-service/,$ROOT/quote-service/,$ROOT/otc-pool-service/,$ROOT/ledger-service/,$ROOT/router-service/,$ROOT/dashboard-service/" \
  >"$WORK/logs/load-generator.log" 2>&1 &
LOADGEN_PID=$!

# The load generator needs a moment to connect before its first request; then wait half the run.
for ((i = 0; i < 60; i++)); do grep -q '^Machine:' "$WORK/logs/load-generator.log" && break; sleep 0.5; done
sleep $((DURATION / 2 + 2))

if [[ "$TARGET" == infra ]]; then
  log "stopping the infra process (Kafka + PostgreSQL, pid $INFRA_PID) with SIGTERM"
  runs=$(grep -cF "$BOTH_READY" "$WORK/logs/infra.log")
  stop_pid "$INFRA_PID" TERM 60
  down_at=$SECONDS
  sleep 2
  start_infra INFRA_PID infra --infra-only "$BOTH_READY" "$runs"
  log "infra back after $((SECONDS - down_at)) s"
elif [[ "$TARGET" == postgres ]]; then
  log "stopping PostgreSQL (infra process pid $INFRA_PID) for $PG_DOWN s; Kafka (pid $KAFKA_PID) keeps running"
  runs=$(grep -cF "$POSTGRES_READY" "$WORK/logs/infra-postgres.log")
  stop_pid "$INFRA_PID" TERM 60
  down_at=$SECONDS
  sleep "$PG_DOWN"
  start_infra INFRA_PID infra-postgres --infra-only=postgres "$POSTGRES_READY" "$runs"
  log "PostgreSQL back after $((SECONDS - down_at)) s"
elif [[ "$TARGET" == kafka ]]; then
  # No clean shutdown: the broker recovers its logs on start. The services are left alone: producers retry
  # within delivery.timeout.ms, consumers reconnect and resume from their committed offsets.
  log "kill -9 the Kafka broker process (pid $KAFKA_PID); PostgreSQL (pid $INFRA_PID) keeps running"
  runs=$(grep -cF "$KAFKA_READY" "$WORK/logs/infra-kafka.log")
  kill -9 "$KAFKA_PID"
  wait "$KAFKA_PID" 2>/dev/null || true
  down_at=$SECONDS
  sleep "$KAFKA_DOWN"
  start_infra KAFKA_PID infra-kafka --infra-only=kafka "$KAFKA_READY" "$runs"
  log "Kafka back after $((SECONDS - down_at)) s"
else
  log "kill -9 $TARGET (pid ${PID[$TARGET]})"
  kill -9 "${PID[$TARGET]}"
  wait "${PID[$TARGET]}" 2>/dev/null || true
  down_at=$SECONDS
  sleep 2
  start_service "$TARGET"
  wait_healthy "$TARGET" 240
  log "$TARGET back after $((SECONDS - down_at)) s"
fi
for service in "${SERVICES[@]}"; do
  kill -0 "${PID[$service]}" 2>/dev/null || { log "$service is no longer running"; }
done

set +e
wait "$LOADGEN_PID"
LOAD_CODE=$?
set -e
LOADGEN_PID=""
cat "$WORK/logs/load-generator.log"

# A second, global check straight from the stores (fresh data directory: every trade is this run's).
FAILED=false
if [[ "$LOAD_CODE" -ne 0 ]]; then FAILED=true; log "load generator reported violated invariants (exit $LOAD_CODE)"; fi
SERVICES_DOWN=()
for service in "${SERVICES[@]}"; do
  kill -0 "${PID[$service]}" 2>/dev/null || SERVICES_DOWN+=("$service")
done
if [[ ${#SERVICES_DOWN[@]} -gt 0 ]]; then
  FAILED=true; log "VIOLATION: not running at the end: ${SERVICES_DOWN[*]}"
fi
if [[ "$TARGET" == kafka ]]; then
  # A broker that formatted its storage again would be a new, empty cluster: every id must be the first one.
  cluster_ids="$(kafka_cluster_ids | sort -u | xargs)"
  log "Kafka cluster id on each start: $(kafka_cluster_ids | xargs)"
  [[ "$(kafka_cluster_ids | wc -l)" -ge 2 && "$cluster_ids" != *" "* ]] \
    || { FAILED=true; log "VIOLATION: the restarted broker did not come back with the same cluster id"; }
fi
if command -v psql >/dev/null; then
  sql() { PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p 54329 -U "$DB_USER" -d otcrouter -tAc "$1"; }
  ledger_settled="$(sql "select count(*) from ledger.trade where status <> 'PENDING'")"
  ledger_all="$(sql "select count(*) from ledger.trade")"
  dup_legs="$(sql "select count(*) from (select 1 from ledger.trade_leg group by trade_id, leg_id having count(*) > 1) d")"
  dup_fills="$(sql "select count(*) from (select 1 from otc_pool.pool_fill group by trade_id, leg_id having count(*) > 1) d")"
  # The password goes to curl through a config on a pipe, not the command line (which ps shows).
  dashboard_total="$(curl -sf -K <(printf 'user = "admin:%s"\n' "$(cat "$DATA/dashboard-admin-password")") \
    "http://127.0.0.1:${PORT[dashboard-service]}/api/stats" | sed -n 's/.*"totalTrades":\([0-9]*\).*/\1/p')"
  log "global: ledger $ledger_all trades ($ledger_settled settled), dashboard totalTrades $dashboard_total, duplicate legs $dup_legs, duplicate pool fills $dup_fills"
  [[ "$ledger_all" == "$ledger_settled" ]] || { FAILED=true; log "VIOLATION: ledger has unsettled trades"; }
  [[ "$dashboard_total" == "$ledger_settled" ]] || { FAILED=true; log "VIOLATION: dashboard total $dashboard_total != ledger $ledger_settled"; }
  [[ "$dup_legs" == 0 && "$dup_fills" == 0 ]] || { FAILED=true; log "VIOLATION: duplicates"; }
fi

if [[ "$FAILED" == true ]]; then
  log "FAULT RUN FAILED ($TARGET)"
  exit 1
fi
PASSED=true
log "FAULT RUN PASSED ($TARGET): accepted = decided = settled = ledger = dashboard, no duplicates, pools consistent"
