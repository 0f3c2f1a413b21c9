package io.otcrouter.loadgen;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Open-loop load against router-service's {@code POST /api/trades}: request n is due at start + n / rate and is
 * sent then whatever happened to the earlier ones ({@link HttpClient#sendAsync}); its latency is measured from that
 * due time, so a slow system cannot slow the offered load down and hide its own queueing (no coordinated
 * omission). Then it follows every accepted trade to its RouteDecided and TradeSettled on Kafka, its ledger row
 * and the dashboard's total, and prints the results against the targets.
 * <p>Exit code: 0 when every accepted trade was decided, settled and booked once and the dashboard agrees (and the
 * pool audit passed, with {@code --check-pools}); 1 when an invariant is violated; 2 for bad options; 3 when the
 * stack cannot be reached. A missed performance target is reported, not turned into an exit code.
 */
public final class LoadGenerator {

    static final long DECISION_P99_TARGET_NANOS = 50_000_000L;
    static final int DECISION_TARGET_RATE = 200;
    static final int THROUGHPUT_TARGET = 1_000;
    static final Duration THROUGHPUT_TARGET_DURATION = Duration.ofSeconds(60);
    static final long MEMORY_TARGET_KB = 3L * 1024 * 1024;

    private final Options options;
    private final HttpClient http;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "load-timers");
        thread.setDaemon(true);
        return thread;
    });
    private final TradeSender sender;
    private final DashboardProbe dashboard;

    LoadGenerator(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.sender = new TradeSender(options, http, timers);
        this.dashboard = new DashboardProbe(options, http);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = new LoadGenerator(options).run();
        } catch (Exception e) {
            System.err.println("load-generator failed: " + e);
            code = 3;
        }
        System.exit(code);
    }

    int run() throws Exception {
        long total = options.totalRequests();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many requests");
        }
        String prefix = options.orderPrefix();
        printPlan(total);
        StackMemory memory = new StackMemory(options.stackPatterns());
        AtomicReference<StackMemory.Sample> peak = samplePeakMemory(memory);

        LedgerProbe ledger = new LedgerProbe(options.db(), options.dbUser(), options.dbPassword());
        Long dashboardBefore = dashboard.totalTrades();
        Map<String, PoolAudit.PoolState> poolsBefore = options.checkPools() ? PoolAudit.snapshot(ledger) : null;
        try (Connection ignored = ledger.connect()) {
            // fail early when PostgreSQL is unreachable
        }
        long watchFrom = System.currentTimeMillis() - 2000;
        EventWatcher watcher = EventWatcher.start(options.kafka(), prefix, watchFrom, Duration.ofSeconds(90));
        CpuMeter cpu = CpuMeter.start(memory);

        TradeSender.Offered offered = sender.offer((int) total, watcher);
        total = offered.sent();
        cpu.offered();

        boolean drained = awaitDrain(ledger, prefix, watcher, dashboardBefore, offered.sendEnd());
        cpu.drained();
        Thread.sleep(1000); // late duplicates, if any, get a chance to show up
        LedgerProbe.Counts counts = ledger.counts(prefix, sender.accepted().keySet(), sender.rejected());
        Long dashboardAfter = dashboard.totalTrades();
        watcher.close();
        timers.shutdownNow();

        List<String> poolViolations = options.checkPools() ? PoolAudit.audit(ledger, prefix, poolsBefore) : List.of();
        IntentAudit.Events events = IntentAudit.read(options.kafka(), prefix, watchFrom);
        List<String> intentViolations;
        try (Connection connection = ledger.connect()) {
            intentViolations = IntentAudit.check(sender.accepted(), prefix, events,
                    IntentAudit.ledgerDexLegs(connection, prefix));
        }

        Long dashboardDelta = dashboardBefore == null || dashboardAfter == null ? null
                : dashboardAfter - dashboardBefore;
        RunTally.Figures figures = RunTally.of(options, sender, watcher, total, offered.sendEnd(), counts,
                dashboardDelta, peak.get(), memory.supported());
        printResults(offered, cpu, figures, counts, watcher, drained);
        return verdict(total, counts, figures, poolViolations, intentViolations, events);
    }

    private void printResults(TradeSender.Offered offered, CpuMeter cpu, RunTally.Figures figures,
            LedgerProbe.Counts counts, EventWatcher watcher, boolean drained) {
        System.out.println();
        System.out.println("Responses: " + new TreeMap<>(sender.outcomes())
                + (sender.retries() > 0 ? ", retries " + sender.retries() : "")
                + (offered.allAnswered() ? "" : ", some requests never answered"));
        System.out.printf("Scheduler: max lag behind the schedule %.1f ms; load generator CPU %.1f s while offering "
                        + "%.1f s%n", offered.maxLag() / 1e6, cpu.offeringSeconds(), figures.sendSeconds());
        System.out.println("Settlements seen by status: " + figures.settledStatus() + "; ledger rows of the run by "
                + "status: " + counts.byStatus() + (watcher.undecodable() > 0 ? "; undecodable records "
                + watcher.undecodable() : ""));
        System.out.println(cpu.report(sender.accepted().size()));
        if (!drained) {
            System.out.println("Drain timeout (" + human(options.drainTimeout()) + ") reached before everything "
                    + "settled: the figures below are what had arrived by then.");
        }
        System.out.println();
        System.out.print(figures.results().table());
    }

    private void printPlan(long total) {
        long warmupRequests = options.warmupRequests();
        System.out.printf("Load run %s: %s for %s%s (%,d requests at most), clientOrderId "
                        + "%s<n>, seed %d%n", options.runId(), options.clients() > 0
                        ? options.clients() + " clients in a closed loop (at most " + options.rate() + "/s)"
                        : String.format(Locale.ROOT, "%,d trades/s offered open-loop", options.rate()),
                human(options.duration()),
                warmupRequests == 0 ? "" : " after a " + human(options.warmup()) + " warm-up at the same rate",
                total, options.orderPrefix(), options.seed());
        System.out.println(Machine.describe());
    }

    /** The stack's peak resident memory, sampled every second while the run lasts (where it can be measured). */
    private AtomicReference<StackMemory.Sample> samplePeakMemory(StackMemory memory) {
        AtomicReference<StackMemory.Sample> peak = new AtomicReference<>(new StackMemory.Sample(0, 0, 0));
        if (memory.supported()) {
            timers.scheduleAtFixedRate(() -> {
                StackMemory.Sample sample = memory.sample();
                peak.accumulateAndGet(sample, (a, b) -> b.rssKb() > a.rssKb() ? b : a);
            }, 0, 1, TimeUnit.SECONDS);
        }
        return peak;
    }

    /**
     * Waits for the pipeline to drain: every accepted trade settled on Kafka and in the ledger, the dashboard's
     * total grown by the run's ledger rows and (with {@code --check-pools}) no pool fill pending; false when the
     * drain timeout came first.
     */
    private boolean awaitDrain(LedgerProbe ledger, String prefix, EventWatcher watcher, Long dashboardBefore,
            long sendEnd) throws InterruptedException, SQLException {
        Map<String, Integer> accepted = sender.accepted();
        long drainDeadline = Math.max(sendEnd, sender.lastResponseNanos()) + options.drainTimeout().toNanos();
        LedgerProbe.Counts counts = ledger.counts(prefix, accepted.keySet(), sender.rejected());
        Long dashboardAfter = dashboard.totalTrades();
        long nextPrint = System.nanoTime();
        while (System.nanoTime() < drainDeadline) {
            long settledSeen = watcher.settledCount(accepted.keySet());
            boolean ledgerDone = counts.settledOfAccepted() >= accepted.size()
                    && counts.settledOfRun() == counts.allOfRun();
            boolean dashboardDone = dashboardBefore == null || dashboardAfter == null
                    || dashboardAfter - dashboardBefore >= counts.allOfRun();
            boolean poolsDone = !options.checkPools() || PoolAudit.pendingFills(ledger, prefix) == 0;
            if (settledSeen >= accepted.size() && ledgerDone && dashboardDone && poolsDone) {
                break;
            }
            if (System.nanoTime() >= nextPrint) {
                System.out.printf("  draining: %,d accepted, %,d settled seen, ledger %,d rows (%,d settled), "
                                + "dashboard %s%n", accepted.size(), settledSeen, counts.allOfRun(),
                        counts.settledOfRun(), dashboardAfter == null || dashboardBefore == null ? "?"
                                : "+" + (dashboardAfter - dashboardBefore));
                nextPrint = System.nanoTime() + 5_000_000_000L;
            }
            Thread.sleep(500);
            counts = ledger.counts(prefix, accepted.keySet(), sender.rejected());
            dashboardAfter = dashboard.totalTrades();
        }
        return System.nanoTime() < drainDeadline;
    }

    /** Prints the audits and the invariants' verdict, writes the summary file; the exit code: 0 or 1. */
    private int verdict(long total, LedgerProbe.Counts counts, RunTally.Figures figures, List<String> poolViolations,
            List<String> intentViolations, IntentAudit.Events events) throws IOException {
        List<String> violations = new ArrayList<>(figures.loss().violations());
        violations.addAll(poolViolations);
        violations.addAll(intentViolations);
        if (options.checkPools()) {
            System.out.println(poolViolations.isEmpty()
                    ? "Pool audit: inventory moved exactly by the fills, reservations match, every OTC fill booked."
                    : "Pool audit FAILED:");
            poolViolations.forEach(v -> System.out.println("  - " + v));
        }
        long dexLegs = events.decisions().stream().mapToLong(d -> d.dexLegIds().size()).sum();
        System.out.println(intentViolations.isEmpty()
                ? String.format(Locale.ROOT, "Intent audit: one decision per client order (%,d decisions), each answered "
                        + "with its trade; %,d DEX legs each executed once and booked as executed.",
                        events.decisions().size(), dexLegs)
                : "Intent audit FAILED:");
        intentViolations.forEach(v -> System.out.println("  - " + v));
        if (options.summaryFile() != null) {
            Files.writeString(options.summaryFile(), RunSummary.summary(options, total, sender.accepted().size(),
                    sender.rejected().size(), sender.retries(), sender.outcomes(), counts.byStatus(),
                    figures.decision(), violations));
        }
        if (violations.isEmpty()) {
            System.out.println("INVARIANTS OK: accepted = decided = settled = ledger rows = dashboard delta, "
                    + "no duplicates, one trade per client order" + (options.checkPools() ? ", pools consistent" : "")
                    + ".");
            return 0;
        }
        System.out.println("INVARIANTS VIOLATED:");
        violations.forEach(v -> System.out.println("  - " + v));
        return 1;
    }

    static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
