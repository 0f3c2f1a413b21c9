#!/usr/bin/env bash
# Fault run: the local stack in infra-only mode (Kafka + PostgreSQL), the six services as separate processes,
# open-loop load from the load generator (clients retrying a lost answer with the same Idempotency-Key and body),
# and in the middle of the load a fault and the recovery from it. Ends by checking the invariants: accepted =
# decided = settled = ledger rows = dashboard, no duplicate, one decision per client order (the trade it was answered
# with), every DEX leg executed once and booked as executed, the OTC pools' inventory moved exactly by their fills,
# every service still running, and no more trades FAILED or PARTIALLY_FILLED than the run without the fault
# (--baseline). Exit code 0 only if all hold.
#
#   load-generator/scripts/fault-run.sh <target> [--rate=100] [--duration=120s] [--seed=16] [--down=10s]
#        [--slow=20s] [--delay=200ms] [--baseline=<summary file>] [--summary=<file>] [--keep]
#        [--service-jvm-options="<jvm options>"]
#
#   none       no fault: the baseline that a fault run with the same --rate, --duration and --seed (the same trades)
#              is compared with; write its --summary and pass that file as the fault run's --baseline
#   <service>  price-service, quote-service, otc-pool-service, ledger-service, router-service, dashboard-service:
#              kill -9 of that service, started again 2 s later (router-service: requests in flight lose their
#              answer; their clients retry with the same key until answered)
#   kafka      PostgreSQL and Kafka in two infra processes (local-stack --infra-only=postgres, --infra-only=kafka);
#              kill -9 of the broker's process, started again 5 s later on the same data directory (same cluster
#              id, topics, records and committed offsets); the services have to ride it out without a restart
#   postgres   PostgreSQL and Kafka in two infra processes; PostgreSQL alone is stopped (SIGTERM of its infra process)
#              for --down seconds (default 10) and started again on the same data, Kafka up all along; the services
#              have to wait it out: readiness DOWN, listeners retrying, the router refusing with 5xx (the load
#              generator retries with the same Idempotency-Key)
#   slow-db    the services reach PostgreSQL through local-stack's SlowLink proxy (port 54339), which delays every
#              message they send (a statement's round trip) by --delay (200 ms) for --slow seconds (20)
#   infra      one infra process (--infra-only); restarts it whole (SIGTERM, then start again on the same data):
#              broker AND PostgreSQL
#   --baseline the --summary of a run without the fault: this run fails if it has more FAILED or PARTIALLY_FILLED
#              trades (the load generator's ledger_<STATUS> counts)
#   --summary  where to copy this run's summary (name=value lines; default: printed only)
#   --keep     keep the temporary directory (logs, data) even when the run passed
#   --service-jvm-options, or the environment variable SERVICE_JVM_OPTS: replace the services' JVM options, all of
#              them (default as local-stack's ServiceProcess: -Xms64m -Xmx384m -XX:TieredStopAtLevel=1
#              -XX:+UseSerialGC, C1 only); e.g. "-Xms384m -Xmx384m -XX:+UseSerialGC" for the full tiered JIT
#
# Needs the jars: ./mvnw -q -DskipTests package (the services, local-stack and load-generator); the run works on
# copies of them. Uses the local stack's fixed ports (29092, 29093, 54329, 8080-8085, and 54339 for slow-db):
# nothing else may be running on them (on a shared machine: flock /tmp/stack.lock load-generator/scripts/fault-run.sh ...).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RATE=100
DURATION=120
SEED=16
PG_DOWN=10
SLOW_FOR=20
SLOW_DELAY=200ms
SLOW_PORT=54339
BASELINE=""
SUMMARY=""
KEEP=false
KAFKA_DOWN=5   # seconds the broker stays dead in kafka mode: longer than a reconnect backoff, far below delivery.timeout.ms

# The header comment above, up to the first line that is not a comment.
usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 2; }
[[ $# -ge 1 ]] || usage
TARGET="$1"; shift
for arg in "$@"; do
  case "$arg" in
    --rate=*) RATE="${arg#--rate=}" ;;
    --duration=*) DURATION="${arg#--duration=}"; DURATION="${DURATION%s}" ;;
    --seed=*) SEED="${arg#--seed=}" ;;
    --keep) KEEP=true ;;
    --down=*) PG_DOWN="${arg#--down=}"; PG_DOWN="${PG_DOWN%s}" ;;
    --slow=*) SLOW_FOR="${arg#--slow=}"; SLOW_FOR="${SLOW_FOR%s}" ;;
    --delay=*) SLOW_DELAY="${arg#--delay=}" ;;
    --baseline=*) BASELINE="${arg#--baseline=}" ;;
    --summary=*) SUMMARY="${arg#--summary=}" ;;
    --service-jvm-options=*) read -r -a JVM_OPTS <<<"${arg#--service-jvm-options=}" ;;
    *) usage ;;
  esac
done
case "$TARGET" in
  none|price-service|quote-service|otc-pool-service|ledger-service|router-service|dashboard-service) ;;
  kafka|postgres|slow-db|infra) ;;
  *) usage ;;
esac
if [[ -n "$BASELINE" && ! -r "$BASELINE" ]]; then echo "baseline $BASELINE not readable"; exit 2; fi

WORK="$(mktemp -d /tmp/fault-run.XXXXXX)"
source "$ROOT/load-generator/scripts/stack-lib.sh"

# The cluster ids the broker reported on each start, one per line (local-stack's KafkaStorage).
kafka_cluster_ids() {
  sed -n 's/.*Kafka storage .*(cluster id \([^)]*\)).*/\1/p' "$WORK"/logs/infra*.log
}

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  stack_cleanup
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

copy_jars
if [[ "$TARGET" == slow-db ]]; then check_ports_free "$SLOW_PORT"; else check_ports_free; fi

if [[ "$TARGET" == kafka || "$TARGET" == postgres ]]; then
  start_stack split
elif [[ "$TARGET" == slow-db ]]; then
  # The proxy first, delay off (its control file does not exist yet), then the services through it.
  SLOW_CONTROL="$WORK/slow-db.delay"
  java -cp "$JARS/local-stack.jar" -Dloader.main=io.otcrouter.localstack.fault.SlowLink \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    --listen="$SLOW_PORT" --target=127.0.0.1:54329 --delay=0ms --control="$SLOW_CONTROL" \
    >>"$WORK/logs/slow-link.log" 2>&1 &
  EXTRA_PIDS+=($!)
  for ((i = 0; i < 60; i++)); do grep -q 'SlowLink listening' "$WORK/logs/slow-link.log" && break; sleep 0.5; done
  grep -q 'SlowLink listening' "$WORK/logs/slow-link.log" || { cat "$WORK/logs/slow-link.log"; echo "SlowLink did not start"; exit 1; }
  SERVICE_DB_URL="jdbc:postgresql://127.0.0.1:$SLOW_PORT/otcrouter"
  start_stack single
else
  start_stack single
fi

log "load: $RATE trades/s for $DURATION s, seed $SEED; fault ($TARGET) after $((DURATION / 2)) s"
# --retry-for=180s: a key left in flight by a killed router is reclaimable only after ROUTER_IDEMPOTENCY_ABANDONED_AFTER (2 min).
start_load --rate="$RATE" --duration="${DURATION}s" --seed="$SEED" --retry-for=180s --drain-timeout=180s \
  --check-pools --summary-file="$WORK/summary"
sleep $((DURATION / 2 + 2))

if [[ "$TARGET" == none ]]; then
  log "no fault"
elif [[ "$TARGET" == infra ]]; then
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
elif [[ "$TARGET" == slow-db ]]; then
  log "PostgreSQL slow: every message the services send delayed by $SLOW_DELAY for $SLOW_FOR s"
  printf '%s\n' "$SLOW_DELAY" >"$SLOW_CONTROL.tmp" && mv "$SLOW_CONTROL.tmp" "$SLOW_CONTROL"
  sleep "$SLOW_FOR"
  printf '0\n' >"$SLOW_CONTROL.tmp" && mv "$SLOW_CONTROL.tmp" "$SLOW_CONTROL"
  log "PostgreSQL fast again"
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

await_load
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
  ledger_settled="$(sql "select count(*) from ledger.trade where status <> 'PENDING'")"
  ledger_all="$(sql "select count(*) from ledger.trade")"
  dup_legs="$(sql "select count(*) from (select 1 from ledger.trade_leg group by trade_id, leg_id having count(*) > 1) d")"
  dup_fills="$(sql "select count(*) from (select 1 from otc_pool.pool_fill group by trade_id, leg_id having count(*) > 1) d")"
  dup_orders="$(sql "select count(*) from (select 1 from ledger.trade group by client_order_id having count(*) > 1) d")"
  # The password goes to curl through a config on a pipe, not the command line (which ps shows).
  dashboard_total="$(curl -sf -K <(printf 'user = "admin:%s"\n' "$(cat "$DATA/dashboard-admin-password")") \
    "http://127.0.0.1:${PORT[dashboard-service]}/api/stats" | sed -n 's/.*"totalTrades":\([0-9]*\).*/\1/p')"
  log "global: ledger $ledger_all trades ($ledger_settled settled), dashboard totalTrades $dashboard_total, duplicate legs $dup_legs, duplicate pool fills $dup_fills, client orders booked twice $dup_orders"
  [[ "$ledger_all" == "$ledger_settled" ]] || { FAILED=true; log "VIOLATION: ledger has unsettled trades"; }
  [[ "$dashboard_total" == "$ledger_settled" ]] || { FAILED=true; log "VIOLATION: dashboard total $dashboard_total != ledger $ledger_settled"; }
  [[ "$dup_legs" == 0 && "$dup_fills" == 0 && "$dup_orders" == 0 ]] || { FAILED=true; log "VIOLATION: duplicates"; }
fi

# FAILED and PARTIALLY_FILLED against the run without the fault.
value() { sed -n "s/^$2=//p" "$1" 2>/dev/null | head -1; }
if [[ -f "$WORK/summary" ]]; then
  failed=$(value "$WORK/summary" ledger_FAILED); partial=$(value "$WORK/summary" ledger_PARTIALLY_FILLED)
  log "this run: $(value "$WORK/summary" accepted) accepted, FAILED $failed, PARTIALLY_FILLED $partial, decision p99 $(value "$WORK/summary" decision_p99_ms) ms, max $(value "$WORK/summary" decision_max_ms) ms"
  [[ -n "$SUMMARY" ]] && cp "$WORK/summary" "$SUMMARY"
  if [[ -n "$BASELINE" ]]; then
    base_failed=$(value "$BASELINE" ledger_FAILED); base_partial=$(value "$BASELINE" ledger_PARTIALLY_FILLED)
    for key in rate duration_s seed; do
      [[ "$(value "$BASELINE" $key)" == "$(value "$WORK/summary" $key)" ]] \
        || log "WARNING: the baseline ran with $key=$(value "$BASELINE" $key), this run with $(value "$WORK/summary" $key): not the same trades"
    done
    log "baseline ($BASELINE): FAILED $base_failed, PARTIALLY_FILLED $base_partial"
    if ((failed > base_failed || partial > base_partial)); then
      FAILED=true
      log "VIOLATION: more trades FAILED ($failed vs $base_failed) or PARTIALLY_FILLED ($partial vs $base_partial) than without the fault"
    fi
  fi
else
  FAILED=true; log "VIOLATION: the load generator wrote no summary"
fi

if [[ "$FAILED" == true ]]; then
  log "FAULT RUN FAILED ($TARGET)"
  exit 1
fi
PASSED=true
log "FAULT RUN PASSED ($TARGET): accepted = decided = settled = ledger = dashboard, no duplicates, one trade per client order, DEX legs booked as executed, pools consistent${BASELINE:+, no more FAILED or PARTIALLY_FILLED than the baseline}"
