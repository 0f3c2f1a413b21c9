#!/usr/bin/env bash
# Fault run: the local stack in infra-only mode (Kafka + PostgreSQL), the six services as separate processes,
# open-loop load from the load generator, and in the middle of the load `kill -9` of one service and its restart.
# Ends by checking the invariants: accepted = decided = settled = ledger rows, no duplicate, the dashboard's totals
# equal to the ledger's, the OTC pools' inventory moved exactly by their fills. Exit code 0 only if all hold.
#
#   load-generator/scripts/fault-run.sh <service|kafka|infra> [--rate=50] [--duration=40s] [--keep]
#
#   <service>  price-service, quote-service, otc-pool-service, ledger-service, router-service, dashboard-service
#   kafka      not possible: the local stack runs the broker and PostgreSQL in one process, so the broker cannot
#              be restarted alone; prints why and exits 77 (skipped)
#   infra      restarts that whole process (SIGTERM, then start again on the same data): broker AND PostgreSQL
#   --keep     keep the temporary directory (logs, data) even when the run passed
#
# Needs the jars: ./mvnw -q -DskipTests install (and load-generator/target/load-generator.jar).
# Uses the local stack's fixed ports (29092, 29093, 54329, 8080-8085): nothing else may be running on them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES=(price-service quote-service otc-pool-service ledger-service router-service dashboard-service)
declare -A PORT=([price-service]=8082 [quote-service]=8083 [otc-pool-service]=8084 [ledger-service]=8085
                 [router-service]=8081 [dashboard-service]=8080)
JVM_OPTS=(-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)   # as local-stack's ServiceProcess
RATE=50
DURATION=40
KEEP=false

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ $# -ge 1 ]] || usage
TARGET="$1"; shift
for arg in "$@"; do
  case "$arg" in
    --rate=*) RATE="${arg#--rate=}" ;;
    --duration=*) DURATION="${arg#--duration=}"; DURATION="${DURATION%s}" ;;
    --keep) KEEP=true ;;
    *) usage ;;
  esac
done
case "$TARGET" in
  price-service|quote-service|otc-pool-service|ledger-service|router-service|dashboard-service|infra) ;;
  kafka)
    echo "SKIPPED: the local stack runs the Kafka broker and PostgreSQL in one JVM (local-stack.jar --infra-only);"
    echo "the broker cannot be stopped or restarted on its own. '$0 infra' restarts both together instead."
    exit 77 ;;
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
INFRA_PID=""
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

start_infra() {
  java -jar "$ROOT/local-stack/target/local-stack.jar" --infra-only --data-dir="$DATA" >>"$WORK/logs/infra.log" 2>&1 &
  INFRA_PID=$!
  local runs_before="$1"
  for ((i = 0; i < 180; i++)); do
    if [[ "$(grep -c 'Kafka and PostgreSQL are running' "$WORK/logs/infra.log" || true)" -gt "$runs_before" ]]; then
      return 0
    fi
    kill -0 "$INFRA_PID" 2>/dev/null || { tail -20 "$WORK/logs/infra.log"; echo "infra exited"; exit 1; }
    sleep 0.5
  done
  echo "infra not up within 90 s"; exit 1
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
    router-service) env+=(ROUTER_API_KEYS="$API_KEY") ;;
    dashboard-service) env+=(ROUTER_URL="http://127.0.0.1:${PORT[router-service]}" ROUTER_API_KEY="$API_KEY") ;;
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

log "infra-only local stack, data in $DATA"
start_infra 0
KAFKA="$(sed -n 's/^export KAFKA_BOOTSTRAP_SERVERS=//p' "$WORK/logs/infra.log" | head -1)"
DB_URL="$(sed -n 's/^export DATABASE_URL=//p' "$WORK/logs/infra.log" | head -1)"
DB_USER="$(sed -n 's/^export DATABASE_USERNAME=//p' "$WORK/logs/infra.log" | head -1)"
DB_PASSWORD="$(sed -n 's/^export DATABASE_PASSWORD=//p' "$WORK/logs/infra.log" | head -1)"
API_KEY="fault-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
log "Kafka $KAFKA, PostgreSQL $DB_URL"

for service in "${SERVICES[@]}"; do start_service "$service"; done
for service in "${SERVICES[@]}"; do wait_healthy "$service"; done

log "load: $RATE trades/s for $DURATION s; $TARGET is killed after $((DURATION / 2)) s and restarted"
java -jar "$ROOT/load-generator/target/load-generator.jar" --rate="$RATE" --duration="${DURATION}s" \
  --router="http://127.0.0.1:${PORT[router-service]}" --api-key="$API_KEY" \
  --dashboard="http://127.0.0.1:${PORT[dashboard-service]}" --kafka="$KAFKA" --db="$DB_URL" \
  --db-user="$DB_USER" --db-password="$DB_PASSWORD" --retry-for=180s --drain-timeout=180s --check-pools \
  --stack-pattern="$DATA,$ROOT/price-service/,$ROOT/quote-service/,$ROOT/otc-pool-service/,$ROOT/ledger-service/,$ROOT/router-service/,$ROOT/dashboard-service/" \
  >"$WORK/logs/load-generator.log" 2>&1 &
LOADGEN_PID=$!

# The load generator needs a moment to connect before its first request; then wait half the run.
for ((i = 0; i < 60; i++)); do grep -q '^Machine:' "$WORK/logs/load-generator.log" && break; sleep 0.5; done
sleep $((DURATION / 2 + 2))

if [[ "$TARGET" == infra ]]; then
  log "stopping the infra process (Kafka + PostgreSQL, pid $INFRA_PID) with SIGTERM"
  runs=$(grep -c 'Kafka and PostgreSQL are running' "$WORK/logs/infra.log")
  stop_pid "$INFRA_PID" TERM 60
  down_at=$SECONDS
  sleep 2
  start_infra "$runs"
  log "infra back after $((SECONDS - down_at)) s"
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
if command -v psql >/dev/null; then
  sql() { PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p 54329 -U "$DB_USER" -d otcrouter -tAc "$1"; }
  ledger_settled="$(sql "select count(*) from ledger.trade where status <> 'PENDING'")"
  ledger_all="$(sql "select count(*) from ledger.trade")"
  dup_legs="$(sql "select count(*) from (select 1 from ledger.trade_leg group by trade_id, leg_id having count(*) > 1) d")"
  dup_fills="$(sql "select count(*) from (select 1 from otc_pool.pool_fill group by trade_id, leg_id having count(*) > 1) d")"
  dashboard_total="$(curl -sf "http://127.0.0.1:${PORT[dashboard-service]}/api/stats" | sed -n 's/.*"totalTrades":\([0-9]*\).*/\1/p')"
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
