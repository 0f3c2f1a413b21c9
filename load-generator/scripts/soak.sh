#!/usr/bin/env bash
# Soak: the stack of fault-run.sh (infra-only local stack, six service processes) under constant open-loop load for
# a long time with short retentions, sampling every minute each JVM's heap after a full GC and the rows and bytes of
# the tables that retention keeps bounded, to show that memory and tables stay flat once the first retention period
# has passed. Writes soak.csv and summary.txt into --out; the load generator's invariants are checked at the end.
#
#   load-generator/scripts/soak.sh [--rate=100] [--duration=60m] [--retention=5m] [--sample-every=60]
#                                  [--out=/tmp/soak-<time>] [--keep] [--service-jvm-options="<jvm options>"]
#
#   --retention  OTC_OUTBOX_RETENTION, OTC_PROCESSED_EVENTS_RETENTION, ROUTER_TRACKED_TRADE_RETENTION and
#                ROUTER_IDEMPOTENCY_RETENTION (the router's purges then run every minute); the summary compares the
#                first sample taken one retention period plus two minutes after the load started with the last one
#   heap         `jcmd <pid> GC.run`, then the used heap of `jcmd <pid> GC.heap_info` (all generations, no metaspace),
#                for the six services and the infra process (the Kafka broker runs in it)
#   tables       count(*) and pg_total_relation_size of ledger.outbox, ledger.processed_event, otc_pool.outbox,
#                router.tracked_trade, router.tracked_leg, router.idempotency_key (bounded by retention) and of
#                ledger.trade, otc_pool.pool_fill, otc_pool.reservation (the record: they grow with trades); for the
#                bounded tables also their dead rows and how often autovacuum has run (pg_stat_user_tables)
#
# Needs the jars and uses the fixed ports as fault-run.sh does (flock /tmp/stack.lock load-generator/scripts/soak.sh ...).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RATE=100
DURATION=3600
RETENTION=5m
SAMPLE_EVERY=60
OUT="/tmp/soak-$(date -u +%Y%m%dT%H%M%SZ)"
KEEP=false

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 2; }
seconds() {   # 90, 90s, 20m, 1h
  case "$1" in
    *h) echo $((${1%h} * 3600)) ;;
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
for arg in "$@"; do
  case "$arg" in
    --rate=*) RATE="${arg#--rate=}" ;;
    --duration=*) DURATION="$(seconds "${arg#--duration=}")" ;;
    --retention=*) RETENTION="${arg#--retention=}" ;;
    --sample-every=*) SAMPLE_EVERY="$(seconds "${arg#--sample-every=}")" ;;
    --out=*) OUT="${arg#--out=}" ;;
    --keep) KEEP=true ;;
    --service-jvm-options=*) read -r -a JVM_OPTS <<<"${arg#--service-jvm-options=}" ;;
    *) usage ;;
  esac
done
RETENTION_S="$(seconds "$RETENTION")"
export OTC_OUTBOX_RETENTION="$RETENTION" OTC_PROCESSED_EVENTS_RETENTION="$RETENTION"
export ROUTER_TRACKED_TRADE_RETENTION="$RETENTION" ROUTER_IDEMPOTENCY_RETENTION="$RETENTION"
export ROUTER_IDEMPOTENCY_PURGE_INTERVAL=1m ROUTER_TRACKED_TRADE_PURGE_INTERVAL=1m

WORK="$(mktemp -d /tmp/soak.XXXXXX)"
source "$ROOT/load-generator/scripts/stack-lib.sh"
mkdir -p "$OUT"
CSV="$OUT/soak.csv"

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  cp "$WORK/logs/load-generator.log" "$OUT/" 2>/dev/null || true
  stack_cleanup
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

BOUNDED=(ledger.outbox ledger.processed_event otc_pool.outbox router.tracked_trade router.tracked_leg router.idempotency_key)
GROWING=(ledger.trade otc_pool.pool_fill otc_pool.reservation)
JVMS=("${SERVICES[@]}" infra)

# Used heap in KB after a full GC, or empty if the JVM did not answer.
heap_after_gc() {
  local pid="$1"
  jcmd "$pid" GC.run >/dev/null 2>&1 || return 0
  jcmd "$pid" GC.heap_info 2>/dev/null | awk '
    /(generation|heap) +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); sum += v } }
    END { if (sum > 0) print sum }'
}

sample() {
  local elapsed="$1" row pid table
  row="$(date -u +%FT%TZ),$elapsed"
  for jvm in "${JVMS[@]}"; do
    if [[ "$jvm" == infra ]]; then pid="$INFRA_PID"; else pid="${PID[$jvm]}"; fi
    row+=",$(heap_after_gc "$pid")"
  done
  local query="select concat_ws(','"
  for table in "${BOUNDED[@]}" "${GROWING[@]}"; do
    query+=", (select count(*) from $table), pg_total_relation_size('$table')"
  done
  for table in "${BOUNDED[@]}"; do
    query+=", (select n_dead_tup || ',' || autovacuum_count from pg_stat_user_tables where relid = '$table'::regclass)"
  done
  row+=",$(sql "$query)" 2>/dev/null || true)"
  echo "$row" >>"$CSV"
}

copy_jars
check_ports_free
start_stack single

header="time_utc,elapsed_s"
for jvm in "${JVMS[@]}"; do header+=",heap_kb_$jvm"; done
for table in "${BOUNDED[@]}" "${GROWING[@]}"; do header+=",rows_$table,bytes_$table"; done
for table in "${BOUNDED[@]}"; do header+=",dead_rows_$table,autovacuums_$table"; done
echo "$header" >"$CSV"

log "soak: $RATE trades/s for $DURATION s, retention $RETENTION, a sample every $SAMPLE_EVERY s into $CSV"
start_load --rate="$RATE" --duration="${DURATION}s" --drain-timeout=300s --check-pools
started=$SECONDS
sample 0
while kill -0 "$LOADGEN_PID" 2>/dev/null; do
  next=$((started + ($(( (SECONDS - started) / SAMPLE_EVERY )) + 1) * SAMPLE_EVERY))
  while ((SECONDS < next)) && kill -0 "$LOADGEN_PID" 2>/dev/null; do sleep 1; done
  ((SECONDS - started <= DURATION)) || break
  sample $((SECONDS - started))
  log "sample at $((SECONDS - started)) s: $(tail -1 "$CSV")"
done
await_load
tail -30 "$WORK/logs/load-generator.log"

# First sample once the first retention period (and two purge intervals) has passed, against the last one.
from=$((RETENTION_S + 120))
awk -F, -v from="$from" '
  NR == 1 { for (i = 3; i <= NF; i++) name[i] = $i; n = NF; next }
  $2 >= from && first == "" { first = NR; for (i = 3; i <= n; i++) { f[i] = $i; lo[i] = $i; hi[i] = $i }; t0 = $2 }
  first != "" { for (i = 3; i <= n; i++) { l[i] = $i; if ($i < lo[i]) lo[i] = $i; if ($i > hi[i]) hi[i] = $i }; t1 = $2 }
  END {
    if (first == "") { print "no sample after the first retention period (" from " s): run longer"; exit }
    printf "from %d s to %d s after the load started (%d samples after the first retention period)\n", t0, t1, NR - first + 1
    printf "%-32s %14s %14s %14s %14s %9s\n", "column", "first", "last", "min", "max", "change"
    for (i = 3; i <= n; i++) {
      change = f[i] > 0 ? sprintf("%+.1f%%", 100 * (l[i] - f[i]) / f[i]) : "-"
      printf "%-32s %14s %14s %14s %14s %9s\n", name[i], f[i], l[i], lo[i], hi[i], change
    }
  }' "$CSV" | tee "$OUT/summary.txt"
echo "load generator exit $LOAD_CODE ($(grep -E '^INVARIANTS' "$WORK/logs/load-generator.log" || echo 'no verdict'))" | tee -a "$OUT/summary.txt"
log "CSV $CSV, summary $OUT/summary.txt"
[[ "$LOAD_CODE" -eq 0 ]] && PASSED=true
exit "$LOAD_CODE"
