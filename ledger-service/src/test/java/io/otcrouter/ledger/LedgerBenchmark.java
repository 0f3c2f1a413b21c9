package io.otcrouter.ledger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.ledger.booking.Booking;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Write throughput of the ledger: books N trades (decision + leg each) through {@link Booking#book}, the code path of
 * the batch listeners, in batches as the listeners receive them (one transaction per batch of decisions on one thread,
 * one per batch of executions on another, as the two listener containers do), against a real (embedded) PostgreSQL. Every trade settles: trade insert + update, leg,
 * two processed_event ids, its system_metrics rows and its TradeSettled outbox row. Kafka is not involved: the figure
 * is what the database side sustains. Not a test; run it with
 * {@code ./mvnw -q -pl ledger-service test-compile exec:java -Dexec.mainClass=io.otcrouter.ledger.LedgerBenchmark
 * -Dexec.classpathScope=test -Dexec.args="50000 500 3"} (trades per round, batch size, rounds).
 */
public final class LedgerBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LedgerBenchmark.class);

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // pg_stat_statements counts what PostgreSQL is asked per trade (statements, rows).
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
                ConfigurableApplicationContext context = start(postgres)) {
            Booking booking = context.getBean(Booking.class);
            run(booking, "warm-up", Math.min(trades, 10_000), batchSize);
            // A ledger in service has planner statistics; this database was empty a moment ago. Without them the
            // first round's lookups of waiting legs are planned for empty tables and the round runs ~6x slower.
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("analyze");
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
            List<Double> perSecond = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                perSecond.add(run(booking, "round " + round, trades, batchSize));
            }
            logStatementsPerTrade(jdbc, (long) trades * rounds);
            perSecond.sort(null);
            long settled = context.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from trade where status = 'FILLED'", Long.class);
            // The machine is shared: report the median and the best round, and the load next to them.
            log.info("RESULT: median {} / best {} settled trades per second over {} rounds of {} (batch {});"
                    + " {} FILLED trades in the ledger; load average {}", Math.round(perSecond.get(rounds / 2)),
                    Math.round(perSecond.get(rounds - 1)), rounds, trades, batchSize, settled,
                    String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage()));
        }
    }

    /** Statements PostgreSQL executed per settled trade over the measured rounds, the most frequent first. */
    private static void logStatementsPerTrade(JdbcTemplate jdbc, long trades) {
        List<java.util.Map<String, Object>> rows = jdbc.queryForList("select calls, rows,"
                + " regexp_replace(left(query, 100), '\\s+', ' ', 'g') as query from pg_stat_statements"
                + " where query not like '%pg_stat_statements%' order by calls desc");
        long calls = rows.stream().mapToLong(row -> ((Number) row.get("calls")).longValue()).sum();
        log.info("STATEMENTS: {} per settled trade ({} trades)", String.format("%.2f", (double) calls / trades),
                trades);
        rows.stream().limit(20).forEach(row -> log.info("  {} calls/trade, {} rows/trade: {}",
                String.format("%.3f", ((Number) row.get("calls")).doubleValue() / trades),
                String.format("%.3f", ((Number) row.get("rows")).doubleValue() / trades), row.get("query")));
    }

    private static double run(Booking booking, String label, int trades, int batchSize) {
        List<List<RouteDecided>> decisions = new ArrayList<>();
        List<List<LegExecuted>> executions = new ArrayList<>();
        for (int start = 0; start < trades; start += batchSize) {
            List<RouteDecided> batchDecisions = new ArrayList<>();
            List<LegExecuted> batchExecutions = new ArrayList<>();
            for (int i = start; i < Math.min(trades, start + batchSize); i++) {
                String tradeId = label + "-" + i + "-" + System.nanoTime();
                batchDecisions.add(LedgerFixtures.otcDecision(tradeId));
                batchExecutions.add(LedgerFixtures.otcFill(tradeId));
            }
            decisions.add(batchDecisions);
            executions.add(batchExecutions);
        }
        // As in the service: the decisions listener and the executions listener book their batches on two threads
        // at once; a trade settles in whichever transaction brings its second half.
        long began = System.nanoTime();
        ExecutorService listeners = Executors.newFixedThreadPool(2);
        try {
            Future<?> decided = listeners.submit(() -> decisions.forEach(batch -> booking.book(batch, List.of())));
            Future<?> executed = listeners.submit(() -> executions.forEach(batch -> booking.book(List.of(), batch)));
            decided.get();
            executed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Booking failed", e.getCause());
        } finally {
            listeners.shutdown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double perSecond = trades / seconds;
        log.info("{}: {} trades settled in {} s = {} trades/s", label, trades, String.format("%.2f", seconds),
                Math.round(perSecond));
        return perSecond;
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
        SpringApplication application = new SpringApplication(LedgerApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // Command-line arguments outrank application.yml.
        return application.run(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.kafka.listener.auto-startup=false",
                "--spring.kafka.admin.auto-create=false",
                "--otc.ledger.sweep-enabled=false",
                "--otc.outbox.relay-enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.io.otcrouter.ledger.LedgerBenchmark=INFO");
    }
}
