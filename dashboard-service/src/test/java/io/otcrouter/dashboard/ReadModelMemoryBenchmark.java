package io.otcrouter.dashboard;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeAnalyticsReadModel;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

/**
 * Whether the dashboard's memory stays flat as trades grow: feeds trades (a RouteDecided and a TradeSettled each,
 * unique trade ids, 3 partitions, 100 trades a second of event time, every route and status) through the read model
 * as {@code ReadModelConfig} wires it, with the default window of 10,000, and prints the heap after a full GC at each
 * given count. No broker: the listeners' work minus Kafka. Not a test; run it with
 * {@code ./mvnw -q -pl dashboard-service test-compile exec:java
 * -Dexec.mainClass=io.otcrouter.dashboard.ReadModelMemoryBenchmark -Dexec.classpathScope=test
 * -Dexec.args="100000 200000 400000"}. It runs inside Maven's JVM, so compare the figures with the baseline it
 * prints first.
 */
public final class ReadModelMemoryBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReadModelMemoryBenchmark.class);
    private static final int WINDOW = 10_000;
    private static final int PARTITIONS = 3;
    private static final Route[] ROUTES = {Route.OTC, Route.DEX, Route.SPLIT, Route.OTC, Route.REJECTED};
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration BETWEEN_TRADES = Duration.ofMillis(10);

    private ReadModelMemoryBenchmark() {
    }

    public static void main(String[] args) {
        long[] checkpoints = args.length == 0 ? new long[] {100_000, 200_000, 400_000}
                : Arrays.stream(args).mapToLong(Long::parseLong).sorted().toArray();
        TradeStatsReadModel stats = new TradeStatsReadModel(Clock.systemUTC());
        TradeAnalyticsReadModel analytics = new TradeAnalyticsReadModel(500);
        SettlementProjection settlements = new SettlementProjection(stats, analytics, WINDOW);
        RouteDecisionProjection decisions = new RouteDecisionProjection(WINDOW);
        long[] offsets = new long[PARTITIONS];
        long baseline = heapAfterGc();
        log.info("Window {} trades; heap after GC before the first trade: {} MB", WINDOW, mb(baseline));

        long fed = 0;
        long started = System.nanoTime();
        for (long checkpoint : checkpoints) {
            for (; fed < checkpoint; fed++) {
                String tradeId = UUID.randomUUID().toString();
                int partition = Math.floorMod(tradeId.hashCode(), PARTITIONS);
                long offset = offsets[partition]++;
                Instant at = START.plus(BETWEEN_TRADES.multipliedBy(fed));
                decisions.apply(DashboardEvents.decision(tradeId, "sol-usdc-main").setOccurredAt(at).build(),
                        partition, offset);
                settlements.apply(settlement(tradeId, fed, at.plusSeconds(2)), partition, offset);
            }
            long heap = heapAfterGc();
            log.info("{} trades fed ({} s): heap after GC {} MB, {} MB above the baseline; totalTrades {}, "
                    + "recent rows {}", fed, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9),
                    mb(heap), mb(heap - baseline), stats.stats().total().trades(),
                    settlements.recent(Integer.MAX_VALUE).size());
        }
        // Keep the read model reachable until the last measurement.
        log.info("Snapshot of the aggregates: {} days, {} trades", stats.daily().size(),
                settlements.checkpoint().stats().total().trades());
    }

    private static TradeSettled settlement(String tradeId, long i, Instant settledAt) {
        Route route = ROUTES[(int) (i % ROUTES.length)];
        TradeStatus status = route == Route.REJECTED ? TradeStatus.FAILED
                : i % 7 == 0 ? TradeStatus.PARTIALLY_FILLED : TradeStatus.FILLED;
        BigInteger amountIn = BigInteger.valueOf(1 + i % 5_000).multiply(BigInteger.TEN.pow(9));
        BigInteger filled = status == TradeStatus.FAILED ? BigInteger.ZERO
                : status == TradeStatus.PARTIALLY_FILLED ? amountIn.divide(BigInteger.TWO) : amountIn;
        return DashboardEvents.solToUsdc(tradeId, route).setStatus(status)
                .setAmountIn(EventDecimals.atomic(amountIn)).setFilledInAmount(EventDecimals.atomic(filled))
                .setVolumeUsd(EventDecimals.usd(new BigDecimal(amountIn).movePointLeft(9).multiply(BigDecimal
                        .valueOf(150))))
                .setSettledAt(settledAt).build();
    }

    private static long heapAfterGc() {
        // Twice: the first full collection may leave objects whose finalization or reference processing frees more.
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
