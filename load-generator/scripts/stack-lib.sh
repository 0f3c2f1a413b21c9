# Shared by fault-run.sh and soak.sh (sourced, not run): the local stack in infra-only mode (Kafka + PostgreSQL) and
# the six services as separate processes with the environment of local-stack's ServiceCatalog, started from copies
# of the jars taken when the run starts (a rebuild during the run does not change what runs), and stopped on exit.
#
# The sourcing script sets ROOT, WORK (an empty directory) and may set JVM_OPTS, then calls, in this order:
#   copy_jars; check_ports_free; start_stack <single|split>; ... ; stack_cleanup (from its EXIT trap)
# It may set SERVICE_DB_URL before start_stack to point the services at another address of PostgreSQL (a proxy).
# Uses the local stack's fixed ports (29092, 29093, 54329, 8080-8085): nothing else may be running on them.

SERVICES=(price-service quote-service otc-pool-service ledger-service router-service dashboard-service)
declare -A PORT=([price-service]=8082 [quote-service]=8083 [otc-pool-service]=8084 [ledger-service]=8085
                 [router-service]=8081 [dashboard-service]=8080)
if [[ -z "${JVM_OPTS+set}" ]]; then
  JVM_OPTS=(-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)   # as local-stack's ServiceProcess
  if [[ -n "${SERVICE_JVM_OPTS+set}" ]]; then read -r -a JVM_OPTS <<<"$SERVICE_JVM_OPTS"; fi
fi
# What each local-stack infra mode logs once it is up (local-stack's InfraOnlyInstructions).
BOTH_READY='Kafka and PostgreSQL are running.'
KAFKA_READY='Kafka is running.'
POSTGRES_READY='PostgreSQL is running.'

DATA="$WORK/data"
JARS="$WORK/jars"
mkdir -p "$WORK/logs" "$JARS"
declare -A PID=()
INFRA_PID=""   # the process running PostgreSQL (and Kafka, except in split mode)
KAFKA_PID=""   # split mode only: the process running the broker alone
EXTRA_PIDS=()  # other processes of the run (a proxy, a sampler), stopped first
PASSED=false
KEEP=${KEEP:-false}

log() { printf '[%s %s] %s\n' "$(basename "$0" .sh)" "$(date -u +%H:%M:%S)" "$*"; }

stop_pid() {   # pid, signal, seconds to wait before SIGKILL
  local pid="$1" signal="$2" wait="$3"
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  for ((i = 0; i < wait * 10; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# The jars as they are now, so that a module rebuilt by someone else during the run does not replace a jar under a
# running JVM (which then fails to load its next class).
copy_jars() {
  local jar
  for jar in local-stack/target/local-stack.jar load-generator/target/load-generator.jar; do
    [[ -f "$ROOT/$jar" ]] || { echo "missing $ROOT/$jar: build first (./mvnw -q -DskipTests package)"; exit 2; }
    cp "$ROOT/$jar" "$JARS/"
  done
  for service in "${SERVICES[@]}"; do
    [[ -f "$ROOT/$service/target/$service.jar" ]] || { echo "missing $service.jar: build first"; exit 2; }
    cp "$ROOT/$service/target/$service.jar" "$JARS/"
  done
}

check_ports_free() {
  local port
  for port in 29092 29093 54329 "${PORT[@]}" "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use: stop the other local stack first"; exit 2
    fi
  done
}

stack_cleanup() {
  local pid
  for pid in "${EXTRA_PIDS[@]}"; do stop_pid "$pid" TERM 5; done
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
}

# Starts `local-stack.jar <infra-only argument>` on $DATA, logging to logs/<name>.log, and waits until it has logged
# its ready line once more than before (the log is appended to across restarts). The pid goes into the variable
# named by <pid variable> at once, so that cleanup stops the process even if it never gets ready.
start_infra() {
  local pid_var="$1" name="$2" infra_only="$3" ready="$4" runs_before="$5"
  local logfile="$WORK/logs/$name.log"
  java -jar "$JARS/local-stack.jar" "$infra_only" --data-dir="$DATA" >>"$logfile" 2>&1 &
  printf -v "$pid_var" '%s' "$!"
  for ((i = 0; i < 180; i++)); do
    if [[ "$(grep -cF "$ready" "$logfile" 2>/dev/null || true)" -gt "$runs_before" ]]; then
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

# The environment exactly as ServiceCatalog gives it (the infra-only mode prints the Kafka/database part); anything
# exported by the caller (OTC_OUTBOX_RETENTION, ...) is passed on too.
start_service() {
  local service="$1"
  local -a env=(SERVER_PORT="${PORT[$service]}" KAFKA_BOOTSTRAP_SERVERS="$KAFKA")
  case "$service" in
    otc-pool-service|ledger-service|router-service)
      env+=(DATABASE_URL="${SERVICE_DB_URL:-$DB_URL}" DATABASE_USERNAME="$DB_USER" DATABASE_PASSWORD="$DB_PASSWORD") ;;
  esac
  case "$service" in
    quote-service) env+=(JUPITER_MODE=simulated) ;;
    otc-pool-service) env+=(OTC_POOL_ALLOW_STALE_PRICES=true) ;;
    dashboard-service) env+=(ROUTER_URL="http://127.0.0.1:${PORT[router-service]}"
                             POOL_URL="http://127.0.0.1:${PORT[otc-pool-service]}") ;;
  esac
  echo "=== started $(date -u +%FT%TZ)" >>"$WORK/logs/$service.log"
  env "${env[@]}" java "${JVM_OPTS[@]}" -jar "$JARS/$service.jar" >>"$WORK/logs/$service.log" 2>&1 &
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

# single: one infra process (Kafka + PostgreSQL); split: two, --infra-only=postgres and --infra-only=kafka, so that
# either can be stopped alone. Then the credentials and the six services; sets KAFKA, DB_URL, DB_USER, DB_PASSWORD,
# API_KEY.
start_stack() {
  if [[ "$1" == split ]]; then
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
  java -jar "$JARS/local-stack.jar" --write-env="$WORK/credentials.env" --data-dir="$DATA" \
    >>"$WORK/logs/credentials.log" 2>&1
  set -a; source "$WORK/credentials.env"; set +a
  API_KEY="$(cat "$DATA/router-api-key")"
  log "Kafka $KAFKA, PostgreSQL $DB_URL${SERVICE_DB_URL:+ (services through $SERVICE_DB_URL)}; service JVM options: ${JVM_OPTS[*]:-(JVM defaults)}"
  for service in "${SERVICES[@]}"; do start_service "$service"; done
  for service in "${SERVICES[@]}"; do wait_healthy "$service"; done
}

# The load generator against the stack, in the background (LOADGEN_PID), logging to logs/load-generator.log, with
# the options given; waits until it has connected.
start_load() {
  java -jar "$JARS/load-generator.jar" \
    --router="http://127.0.0.1:${PORT[router-service]}" --api-key="$API_KEY" \
    --dashboard="http://127.0.0.1:${PORT[dashboard-service]}" --dashboard-password-file="$DATA/dashboard-admin-password" \
    --kafka="$KAFKA" --db="$DB_URL" --db-user="$DB_USER" --db-password="$DB_PASSWORD" \
    --stack-pattern="$DATA,$JARS/" "$@" >"$WORK/logs/load-generator.log" 2>&1 &
  LOADGEN_PID=$!
  for ((i = 0; i < 60; i++)); do grep -qs "^Machine:" "$WORK/logs/load-generator.log" && break; sleep 0.5; done
}

# Waits for the load generator started by start_load to end; its exit code in LOAD_CODE (non-zero: invariants
# violated), LOADGEN_PID cleared so the cleanup does not stop it again.
await_load() {
  set +e
  wait "$LOADGEN_PID"
  LOAD_CODE=$?
  set -e
  LOADGEN_PID=""
}

# psql against the run's PostgreSQL, directly (not through a proxy): one value per line, fields separated by '|'.
sql() { PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p 54329 -U "$DB_USER" -d otcrouter -tAc "$1"; }
