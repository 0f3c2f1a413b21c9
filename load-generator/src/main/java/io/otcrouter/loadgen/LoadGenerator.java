package io.otcrouter.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern TRADE_ID = Pattern.compile("\"tradeId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL_TRADES = Pattern.compile("\"totalTrades\"\\s*:\\s*(\\d+)");

    private final Options options;
    private final HttpClient http;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "load-timers");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong lastResponseNanos = new AtomicLong();
    private long[] decisionNanos;
    private long[] dueNanos;

    LoadGenerator(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
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
        long warmupRequests = options.warmupRequests();
        System.out.printf("Load run %s: %s for %s%s (%,d requests at most), clientOrderId "
                        + "%s<n>, seed %d%n", options.runId(), options.clients() > 0
                        ? options.clients() + " clients in a closed loop (at most " + options.rate() + "/s)"
                        : String.format(Locale.ROOT, "%,d trades/s offered open-loop", options.rate()),
                human(options.duration()),
                warmupRequests == 0 ? "" : " after a " + human(options.warmup()) + " warm-up at the same rate",
                total, prefix, options.seed());
        System.out.println(Machine.describe());

        StackMemory memory = new StackMemory(options.stackPatterns());
        AtomicReference<StackMemory.Sample> peak = new AtomicReference<>(new StackMemory.Sample(0, 0, 0));
        if (memory.supported()) {
            timers.scheduleAtFixedRate(() -> {
                StackMemory.Sample sample = memory.sample();
                peak.accumulateAndGet(sample, (a, b) -> b.rssKb() > a.rssKb() ? b : a);
            }, 0, 1, TimeUnit.SECONDS);
        }

        LedgerProbe ledger = new LedgerProbe(options.db(), options.dbUser(), options.dbPassword());
        Long dashboardBefore = dashboardTotal();
        Map<String, PoolAudit.PoolState> poolsBefore = null;
        if (options.checkPools()) {
            try (Connection connection = ledger.connect()) {
                poolsBefore = PoolAudit.snapshot(connection);
            }
        }
        try (Connection ignored = ledger.connect()) {
            // fail early when PostgreSQL is unreachable
        }
        long watchFrom = System.currentTimeMillis() - 2000;
        EventWatcher watcher = EventWatcher.start(options.kafka(), prefix, watchFrom, Duration.ofSeconds(90));
        long cpuBefore = processCpuNanos();
        Map<String, Long> stackCpuBefore = memory.supported() ? memory.cpuTicksByProcess() : Map.of();
        long stackCpuSince = System.nanoTime();

        // ---- offer the load, open-loop
        decisionNanos = new long[(int) total];
        dueNanos = new long[(int) total];
        Arrays.fill(decisionNanos, -1);
        CountDownLatch answered = new CountDownLatch((int) total);
        TradeMix mix = new TradeMix(SizeDistribution.defaultSol());
        SplittableRandom random = new SplittableRandom(options.seed());
        double interval = 1e9 / options.rate();
        long start = System.nanoTime() + 200_000_000L;
        long maxLag = 0;
        long retryWindow = options.retryFor().toNanos();
        // Closed loop: a request leaves when one of the clients has its answer, until the run's time is up.
        Semaphore clients = options.clients() > 0 ? new Semaphore(options.clients()) : null;
        long stopAt = start + options.warmup().plus(options.duration()).toNanos();
        long sent = total;
        for (int n = 0; n < total; n++) {
            long due = start + Math.round(n * interval);
            String clientOrderId = prefix + n;
            HttpRequest request = HttpRequest.newBuilder(URI.create(options.router() + "/api/trades"))
                    .timeout(options.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", options.apiKey())
                    .header("Idempotency-Key", clientOrderId)
                    .POST(HttpRequest.BodyPublishers.ofString(mix.next(random).json(options.slippageBps(),
                            clientOrderId)))
                    .build();
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            if (clients != null) {
                long left = stopAt - now;
                if (left <= 0 || !clients.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    sent = n;
                    break;
                }
                now = System.nanoTime();
                due = now;
            }
            maxLag = Math.max(maxLag, now - due);
            dueNanos[n] = due;
            send(n, request, due, due + retryWindow, 250, answered, clients);
            if (n > 0 && n % (options.rate() * 10L) == 0) {
                System.out.printf("  %,d sent, %,d accepted, %,d settled seen%n", n, accepted.size(),
                        watcher.settled().size());
            }
        }
        for (long unsent = sent; unsent < total; unsent++) {
            answered.countDown();
        }
        total = sent;
        long sendEnd = System.nanoTime();
        boolean allAnswered = answered.await(options.requestTimeout().plus(options.retryFor()).toMillis() + 10_000,
                TimeUnit.MILLISECONDS);
        long cpuAfterSend = processCpuNanos();

        // ---- wait for the pipeline to drain: settlements, ledger rows, dashboard
        long drainDeadline = Math.max(sendEnd, lastResponseNanos.get()) + options.drainTimeout().toNanos();
        LedgerProbe.Counts counts = ledger.counts(prefix, accepted.keySet(), rejected);
        Long dashboardAfter = dashboardTotal();
        long nextPrint = System.nanoTime();
        while (System.nanoTime() < drainDeadline) {
            long settledSeen = watcher.settledCount(accepted.keySet());
            boolean ledgerDone = counts.settledOfAccepted() >= accepted.size()
                    && counts.settledOfRun() == counts.allOfRun();
            boolean dashboardDone = dashboardBefore == null || dashboardAfter == null
                    || dashboardAfter - dashboardBefore >= counts.allOfRun();
            boolean poolsDone = !options.checkPools() || pendingFills(ledger, prefix) == 0;
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
            counts = ledger.counts(prefix, accepted.keySet(), rejected);
            dashboardAfter = dashboardTotal();
        }
        boolean drained = System.nanoTime() < drainDeadline;
        Map<String, Long> stackCpuAfter = memory.supported() ? memory.cpuTicksByProcess() : Map.of();
        long stackCpuUntil = System.nanoTime();
        long ownCpu = processCpuNanos() - cpuBefore;
        Thread.sleep(1000); // late duplicates, if any, get a chance to show up
        counts = ledger.counts(prefix, accepted.keySet(), rejected);
        dashboardAfter = dashboardTotal();
        watcher.close();
        timers.shutdownNow();

        List<String> poolViolations = new ArrayList<>();
        if (options.checkPools()) {
            try (Connection connection = ledger.connect()) {
                poolViolations.addAll(PoolAudit.compare(poolsBefore, PoolAudit.snapshot(connection)));
                poolViolations.addAll(PoolAudit.endState(connection, prefix));
            }
        }
        IntentAudit.Events events = IntentAudit.read(options.kafka(), prefix, watchFrom);
        List<String> intentViolations;
        try (Connection connection = ledger.connect()) {
            intentViolations = IntentAudit.check(accepted, prefix, events, IntentAudit.ledgerDexLegs(connection, prefix));
        }

        // ---- results
        Map<String, EventWatcher.Settlement> settled = watcher.settled();
        // Latency and throughput are of the measured requests only; loss and duplicates are of every request.
        long[] decisions = Arrays.stream(decisionNanos, (int) warmupRequests, decisionNanos.length)
                .filter(v -> v >= 0).toArray();
        long measuredStart = warmupRequests < total ? dueNanos[(int) warmupRequests] : sendEnd;
        List<Long> e2e = new ArrayList<>();
        long firstSettled = Long.MAX_VALUE;
        long lastSettled = Long.MIN_VALUE;
        long settledInLastTen = 0;
        long decidedOfAccepted = 0;
        long settledOfAccepted = 0;
        Map<String, Long> settledStatus = new TreeMap<>();
        for (Map.Entry<String, Integer> trade : accepted.entrySet()) {
            if (watcher.decided().containsKey(trade.getKey())) {
                decidedOfAccepted++;
            }
            EventWatcher.Settlement settlement = settled.get(trade.getKey());
            if (settlement != null) {
                settledOfAccepted++;
                settledStatus.merge(settlement.status(), 1L, Long::sum);
            }
            if (settlement != null && trade.getValue() >= warmupRequests) {
                e2e.add(settlement.seenNanos() - dueNanos[trade.getValue()]);
                firstSettled = Math.min(firstSettled, settlement.seenNanos());
                lastSettled = Math.max(lastSettled, settlement.seenNanos());
                if (settlement.seenNanos() > sendEnd - 10_000_000_000L && settlement.seenNanos() <= sendEnd) {
                    settledInLastTen++;
                }
            }
        }
        long duplicateSettled = settled.values().stream().mapToLong(s -> s.different().get()).sum();
        long republishedSettled = settled.values().stream()
                .mapToLong(s -> s.copies().get() - 1 - s.different().get()).sum();
        Long dashboardDelta = dashboardBefore == null || dashboardAfter == null ? null
                : dashboardAfter - dashboardBefore;
        LossAccounting loss = new LossAccounting(total, accepted.size(), decidedOfAccepted, settledOfAccepted,
                counts.ofAccepted(), counts.settledOfAccepted(), counts.allOfRun(), counts.ofRejected(),
                dashboardDelta, counts.duplicatesPerTradeId() + counts.duplicatesPerClientOrderId(), duplicateSettled,
                republishedSettled);

        long measured = total - warmupRequests;
        double sendSeconds = options.clients() > 0 ? (sendEnd - measuredStart) / 1e9
                : Math.max(measured / (double) options.rate(), (sendEnd - measuredStart) / 1e9);
        long acceptedMeasured = accepted.values().stream().filter(n -> n >= warmupRequests).count();
        double settleSeconds = e2e.size() > 1 ? (lastSettled - firstSettled) / 1e9 : 0;
        Results results = new Results(options, total, Percentiles.of(decisions),
                Percentiles.of(e2e.stream().mapToLong(Long::longValue).toArray()), acceptedMeasured / sendSeconds,
                settleSeconds > 0 ? (e2e.size() - 1) / settleSeconds : 0, settledInLastTen / 10.0, sendSeconds,
                settleSeconds, loss, peak.get(), memory.supported());

        System.out.println();
        System.out.println("Responses: " + new TreeMap<>(outcomes) + (retries.get() > 0 ? ", retries " + retries : "")
                + (allAnswered ? "" : ", some requests never answered"));
        System.out.printf("Scheduler: max lag behind the schedule %.1f ms; load generator CPU %.1f s while offering "
                        + "%.1f s%n", maxLag / 1e6, (cpuAfterSend - cpuBefore) / 1e9, sendSeconds);
        System.out.println("Settlements seen by status: " + settledStatus + "; ledger rows of the run by status: "
                + counts.byStatus() + (watcher.undecodable() > 0 ? "; undecodable records " + watcher.undecodable()
                : ""));
        System.out.println(cpuReport(stackCpuBefore, stackCpuAfter, (stackCpuUntil - stackCpuSince) / 1e9,
                ownCpu / 1e9, accepted.size()));
        if (!drained) {
            System.out.println("Drain timeout (" + human(options.drainTimeout()) + ") reached before everything "
                    + "settled: the figures below are what had arrived by then.");
        }
        System.out.println();
        System.out.print(results.table());
        List<String> violations = new ArrayList<>(loss.violations());
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
            Files.writeString(options.summaryFile(), summary(options, total, accepted.size(), rejected.size(),
                    retries.get(), outcomes, counts.byStatus(), Percentiles.of(decisions), violations));
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

    /**
     * The run's outcome as {@code name=value} lines, for scripts: a fault run compares its FAILED and
     * PARTIALLY_FILLED counts ({@code ledger_<STATUS>}, every ledger row of the run) with those of the same run
     * without the fault.
     */
    static String summary(Options options, long sent, long accepted, long rejected, long retries,
            Map<String, AtomicLong> outcomes, Map<String, Long> ledgerByStatus, Percentiles decision,
            List<String> violations) {
        StringBuilder out = new StringBuilder();
        BiConsumer<String, Object> line = (name, value) -> out.append(name).append('=')
                .append(value).append('\n');
        line.accept("run_id", options.runId());
        line.accept("rate", options.rate());
        line.accept("duration_s", options.duration().toSeconds());
        line.accept("seed", options.seed());
        line.accept("sent", sent);
        line.accept("accepted", accepted);
        line.accept("rejected_422", rejected);
        line.accept("retries", retries);
        new TreeMap<>(outcomes).forEach((outcome, count) -> line.accept("responses_" + outcome, count.get()));
        for (String status : List.of("FILLED", "PARTIALLY_FILLED", "FAILED", "PENDING")) {
            line.accept("ledger_" + status, ledgerByStatus.getOrDefault(status, 0L));
        }
        line.accept("decision_p50_ms", Results.ms(decision.p50()));
        line.accept("decision_p99_ms", Results.ms(decision.p99()));
        line.accept("decision_max_ms", Results.ms(decision.max()));
        line.accept("invariants", violations.isEmpty() ? "ok" : "violated");
        line.accept("violations", violations.size());
        return out.toString();
    }

    /**
     * Where the CPU went from the start of the load to the end of the drain: seconds and milliseconds per accepted
     * trade for each kind of stack process, and how many of the machine's cores were busy on average. Linux counts
     * CPU time in ticks of 1/100 s (USER_HZ).
     */
    static String cpuReport(Map<String, Long> before, Map<String, Long> after, double seconds, double ownSeconds,
            long trades) {
        if (after.isEmpty() || seconds <= 0) {
            return "CPU by process: not measured";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "CPU from first request to drained (%.1f s), ms per "
                + "accepted trade:", seconds));
        double total = 0;
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        after.forEach((process, ticks) -> used.add(Map.entry(process, ticks - before.getOrDefault(process, 0L))));
        used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> process : used) {
            double cpuSeconds = process.getValue() / 100.0;
            total += cpuSeconds;
            out.append(String.format(Locale.ROOT, " %s %.2f;", process.getKey(), perTrade(cpuSeconds, trades)));
        }
        out.append(String.format(Locale.ROOT, " stack total %.2f ms/trade (%.1f s, %.2f cores busy on average); load generator "
                        + "%.2f ms/trade (%.1f s)", perTrade(total, trades), total, total / seconds,
                perTrade(ownSeconds, trades), ownSeconds));
        return out.toString();
    }

    private static double perTrade(double cpuSeconds, long trades) {
        return trades == 0 ? 0 : cpuSeconds * 1000 / trades;
    }

    /** Sends request n; with {@code --retry-for}, a failure is retried with the same Idempotency-Key, backing off. */
    private void send(int n, HttpRequest request, long due, long retryUntil, long backoffMillis,
            CountDownLatch answered, Semaphore clients) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            // 409: the first request with this Idempotency-Key is still in flight (or was, on a router that died):
            // retry later
            // 202: decided, but the router could not confirm the decision's publish in time; the same key resolves it.
            // 429: the key's rate limit, which the retries of many clients at once reach while the router is down.
            boolean retryable = error != null || response.statusCode() >= 500 || response.statusCode() == 409
                    || response.statusCode() == 202 || response.statusCode() == 429;
            if (retryable && now < retryUntil) {
                retries.incrementAndGet();
                long wait = Math.max(backoffMillis, retryAfterMillis(response));
                timers.schedule(() -> send(n, request, due, retryUntil, Math.min(2000, backoffMillis * 2), answered,
                        clients), wait, TimeUnit.MILLISECONDS);
                return;
            }
            boolean decided = response != null && (response.statusCode() == 201 || response.statusCode() == 422);
            if (decided) {
                // A refusal (503 at capacity, 4xx) or a failure answers without a decision: not a decision latency.
                decisionNanos[n] = now - due;
            }
            lastResponseNanos.accumulateAndGet(now, Math::max);
            String outcome = error != null ? rootCause(error) : Integer.toString(response.statusCode());
            outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
            if (response != null && (response.statusCode() == 201 || response.statusCode() == 202
                    || response.statusCode() == 422)) {
                Matcher matcher = TRADE_ID.matcher(response.body());
                if (matcher.find()) {
                    if (response.statusCode() != 422) {
                        accepted.put(matcher.group(1), n);
                    } else {
                        rejected.add(matcher.group(1));
                    }
                }
            }
            if (clients != null) {
                clients.release();
            }
            answered.countDown();
        });
    }

    /** A refusal's {@code Retry-After} in milliseconds (whole seconds, as the router sends it), 0 when absent. */
    static long retryAfterMillis(HttpResponse<?> response) {
        return response == null ? 0 : retryAfterMillis(response.headers().firstValue("Retry-After"));
    }

    /** Delay-seconds only (what the router sends); an HTTP date or anything else counts as absent. */
    static long retryAfterMillis(Optional<String> header) {
        return header.map(String::trim).filter(v -> v.matches("\\d{1,4}")).map(v -> Long.parseLong(v) * 1000)
                .orElse(0L);
    }

    private long pendingFills(LedgerProbe ledger, String prefix) {
        try (Connection connection = ledger.connect()) {
            return PoolAudit.pendingFills(connection, prefix);
        } catch (Exception e) {
            return 0;
        }
    }

    private Long dashboardTotal() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.dashboard() + "/api/stats"))
                    .timeout(Duration.ofSeconds(10));
            if (Files.isReadable(options.dashboardPasswordFile())) {
                // The dashboard's JSON API answers signed-in people; scripts sign in with HTTP Basic.
                String password = Files.readString(options.dashboardPasswordFile(), StandardCharsets.UTF_8).trim();
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (options.dashboardUser() + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = TOTAL_TRADES.matcher(response.body());
            return response.statusCode() == 200 && matcher.find() ? Long.valueOf(matcher.group(1)) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The machine the run is on, for the report. */
    static final class Machine {
        static String describe() {
            String cpu = firstMatch(Path.of("/proc/cpuinfo"), "model name");
            String memKb = firstMatch(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").trim();
            String mem = memKb.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(memKb) / 1024.0 / 1024);
            String load = "";
            try {
                load = Files.readString(Path.of("/proc/loadavg")).trim();
            } catch (IOException e) {
                // not Linux
            }
            return String.format(Locale.ROOT, "Machine: %d cores%s%s, %s %s, Java %s; load average %s; %s",
                    Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")",
                    mem.isEmpty() ? "" : ", " + mem, System.getProperty("os.name"), System.getProperty("os.version"),
                    System.getProperty("java.version"), load, Instant.now());
        }

        private static String firstMatch(Path file, String key) {
            try {
                return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
            } catch (IOException e) {
                return "";
            }
        }
    }
}
