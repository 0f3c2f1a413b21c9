package io.otcrouter.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: {@code --name=value} pairs, every one with a default for the local stack.
 *
 * @param rate          trades per second offered, open-loop
 * @param duration      how long trades are offered and measured
 * @param warmup        how long trades are offered at the same rate before the measured {@code duration}: those
 *                      trades count for loss and duplicates like any other, but not for latency or throughput (the
 *                      JVMs' JIT compilers and connection pools warm up during the first seconds of a fresh stack)
 * @param drainTimeout  how long after the last request the run waits for settlements, ledger rows and dashboard
 * @param retryFor      how long a request that failed (no answer, or 5xx) is retried with the same Idempotency-Key;
 *                      zero (the default) for benchmarks, a fault run sets it so a killed router is retried
 * @param stackPatterns command-line substrings of the processes whose resident memory (with their children) is
 *                      the stack's
 * @param checkPools    audit the OTC pools' inventory against their fills (needs the otc_pool schema)
 * @param clients       0 for the open loop at {@code rate}; N for a closed loop: N clients, each sending its next
 *                      trade when its previous one is answered, for {@code duration} ({@code rate} then caps the
 *                      total at rate x duration)
 * @param dashboardUser the dashboard user whose HTTP Basic credentials read the dashboard's trade total
 * @param dashboardPasswordFile the file holding that user's password (the local stack's admin password file)
 * @param summaryFile   where to write the run's outcome as {@code name=value} lines (counts by ledger status, decision
 *                      latency, invariants) for scripts that compare runs, e.g. a fault run with its baseline; null
 *                      for none
 */
record Options(int rate, int clients, Duration duration, Duration warmup, String router, String apiKey, String dashboard,
        String dashboardUser, Path dashboardPasswordFile, String kafka,
        String db, String dbUser, String dbPassword, Duration drainTimeout, Duration requestTimeout,
        Duration retryFor, int slippageBps, long seed, List<String> stackPatterns, boolean checkPools,
        String runId, Path summaryFile) {

    static final String USAGE = """
            usage: java -jar load-generator/target/load-generator.jar [--rate=200] [--clients=0] [--duration=60s] [--warmup=0s]
                   [--router=http://127.0.0.1:8081] [--api-key=<key>] [--dashboard=http://127.0.0.1:8080]
                   [--dashboard-user=admin] [--dashboard-password-file=data/dashboard-admin-password]
                   [--kafka=127.0.0.1:29092] [--db=jdbc:postgresql://127.0.0.1:54329/otcrouter]
                   [--db-user=postgres] [--db-password=postgres] [--drain-timeout=60s] [--request-timeout=30s]
                   [--retry-for=0s] [--slippage-bps=100] [--seed=<n>] [--stack-pattern=local-stack.jar[,...]]
                   [--check-pools] [--run-id=<id>] [--summary-file=<path>]""";

    static Options parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            values.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        List<String> known = List.of("rate", "clients", "duration", "warmup", "router", "api-key", "dashboard", "dashboard-user",
                "dashboard-password-file", "kafka", "db", "db-user",
                "db-password", "drain-timeout", "request-timeout", "retry-for", "slippage-bps", "seed", "stack-pattern",
                "check-pools", "run-id", "summary-file", "help");
        List<String> unknown = new ArrayList<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty() || values.containsKey("help")) {
            throw new IllegalArgumentException(unknown.isEmpty() ? "" : "unknown option(s) " + unknown);
        }
        int rate = Integer.parseInt(values.getOrDefault("rate", "200"));
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be positive");
        }
        String runId = values.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36));
        if (!runId.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("--run-id must be 1 to 20 letters or digits");
        }
        Duration warmup = duration(values.getOrDefault("warmup", "0s"));
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        int clients = Integer.parseInt(values.getOrDefault("clients", "0"));
        if (clients < 0) {
            throw new IllegalArgumentException("--clients must not be negative");
        }
        return new Options(rate, clients,
                duration(values.getOrDefault("duration", "60s")),
                warmup,
                trimSlash(values.getOrDefault("router", "http://127.0.0.1:8081")),
                values.getOrDefault("api-key", ""),
                trimSlash(values.getOrDefault("dashboard", "http://127.0.0.1:8080")),
                values.getOrDefault("dashboard-user", "admin"),
                Path.of(values.getOrDefault("dashboard-password-file", "data/dashboard-admin-password")),
                values.getOrDefault("kafka", "127.0.0.1:29092"),
                values.getOrDefault("db", "jdbc:postgresql://127.0.0.1:54329/otcrouter"),
                values.getOrDefault("db-user", "postgres"),
                values.getOrDefault("db-password", "postgres"),
                duration(values.getOrDefault("drain-timeout", "60s")),
                duration(values.getOrDefault("request-timeout", "30s")),
                duration(values.getOrDefault("retry-for", "0s")),
                Integer.parseInt(values.getOrDefault("slippage-bps", "100")),
                Long.parseLong(values.getOrDefault("seed", Long.toString(System.nanoTime()))),
                List.of(values.getOrDefault("stack-pattern", "local-stack.jar").split(",")),
                Boolean.parseBoolean(values.getOrDefault("check-pools", "false")),
                runId,
                values.containsKey("summary-file") ? Path.of(values.get("summary-file")) : null);
    }

    /** The prefix of every clientOrderId (and Idempotency-Key) of this run. */
    String orderPrefix() {
        return "load-" + runId + "-";
    }

    /** Warm-up and measured requests together. */
    long totalRequests() {
        return warmupRequests() + Math.max(1, Math.round(rate * (duration.toNanos() / 1e9)));
    }

    /** Requests 0 .. warmupRequests() - 1 are the warm-up; the rest are measured. */
    long warmupRequests() {
        return Math.round(rate * (warmup.toNanos() / 1e9));
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}, or plain seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
