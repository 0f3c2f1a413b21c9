package io.otcrouter.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's figures from what the sender, the event watcher and the ledger saw. Latency and throughput are of the
 * measured requests only (after the warm-up); loss and duplicates are of every request.
 */
final class RunTally {

    /**
     * @param settledStatus the settlements seen on Kafka, by status
     * @param decision      the decision latency of the measured requests
     * @param sendSeconds   how long the measured requests took to offer
     */
    record Figures(Results results, LossAccounting loss, Map<String, Long> settledStatus, Percentiles decision,
            double sendSeconds) {
    }

    private final Map<String, Long> settledStatus = new TreeMap<>();
    private final List<Long> e2e = new ArrayList<>();
    private long firstSettled = Long.MAX_VALUE;
    private long lastSettled = Long.MIN_VALUE;
    private long settledInLastTen;
    private long decidedOfAccepted;
    private long settledOfAccepted;

    private RunTally() {
    }

    /**
     * @param sent           the requests sent
     * @param sendEnd        {@link System#nanoTime()} when the last one was sent
     * @param dashboardDelta how much the dashboard's trade total grew; null when it could not be read
     */
    static Figures of(Options options, TradeSender sender, EventWatcher watcher, long sent, long sendEnd,
            LedgerProbe.Counts counts, Long dashboardDelta, StackMemory.Sample memoryPeak, boolean memoryMeasured) {
        long warmupRequests = options.warmupRequests();
        long[] decisionNanos = sender.decisionNanos();
        long[] dueNanos = sender.dueNanos();
        Map<String, EventWatcher.Settlement> settled = watcher.settled();
        long[] decisions = Arrays.stream(decisionNanos, (int) warmupRequests, decisionNanos.length)
                .filter(v -> v >= 0).toArray();
        long measuredStart = warmupRequests < sent ? dueNanos[(int) warmupRequests] : sendEnd;
        RunTally tally = new RunTally();
        for (Map.Entry<String, Integer> trade : sender.accepted().entrySet()) {
            tally.add(trade.getKey(), trade.getValue(), watcher, settled.get(trade.getKey()), warmupRequests,
                    dueNanos, sendEnd);
        }
        LossAccounting loss = tally.loss(sent, sender.accepted().size(), settled, counts, dashboardDelta);

        long measured = sent - warmupRequests;
        double sendSeconds = options.clients() > 0 ? (sendEnd - measuredStart) / 1e9
                : Math.max(measured / (double) options.rate(), (sendEnd - measuredStart) / 1e9);
        long acceptedMeasured = sender.accepted().values().stream().filter(n -> n >= warmupRequests).count();
        double settleSeconds = tally.e2e.size() > 1 ? (tally.lastSettled - tally.firstSettled) / 1e9 : 0;
        Percentiles decision = Percentiles.of(decisions);
        Results results = new Results(options, sent, decision,
                Percentiles.of(tally.e2e.stream().mapToLong(Long::longValue).toArray()),
                acceptedMeasured / sendSeconds, settleSeconds > 0 ? (tally.e2e.size() - 1) / settleSeconds : 0,
                tally.settledInLastTen / 10.0, sendSeconds, settleSeconds, loss, memoryPeak, memoryMeasured);
        return new Figures(results, loss, tally.settledStatus, decision, sendSeconds);
    }

    /** One accepted trade (request n): decided, settled, and for a measured one its end-to-end latency. */
    private void add(String tradeId, int n, EventWatcher watcher, EventWatcher.Settlement settlement,
            long warmupRequests, long[] dueNanos, long sendEnd) {
        if (watcher.decided().containsKey(tradeId)) {
            decidedOfAccepted++;
        }
        if (settlement != null) {
            settledOfAccepted++;
            settledStatus.merge(settlement.status(), 1L, Long::sum);
        }
        if (settlement != null && n >= warmupRequests) {
            e2e.add(settlement.seenNanos() - dueNanos[n]);
            firstSettled = Math.min(firstSettled, settlement.seenNanos());
            lastSettled = Math.max(lastSettled, settlement.seenNanos());
            if (settlement.seenNanos() > sendEnd - 10_000_000_000L && settlement.seenNanos() <= sendEnd) {
                settledInLastTen++;
            }
        }
    }

    private LossAccounting loss(long sent, long accepted, Map<String, EventWatcher.Settlement> settled,
            LedgerProbe.Counts counts, Long dashboardDelta) {
        long duplicateSettled = settled.values().stream().mapToLong(s -> s.different().get()).sum();
        long republishedSettled = settled.values().stream()
                .mapToLong(s -> s.copies().get() - 1 - s.different().get()).sum();
        return new LossAccounting(sent, accepted, decidedOfAccepted, settledOfAccepted,
                counts.ofAccepted(), counts.settledOfAccepted(), counts.allOfRun(), counts.ofRejected(),
                dashboardDelta, counts.duplicatesPerTradeId() + counts.duplicatesPerClientOrderId(), duplicateSettled,
                republishedSettled);
    }
}
