package io.otcrouter.dashboard.readmodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.otcrouter.events.TradeSettled;

/**
 * Projects each {@link TradeSettled} into the figures over every trade ever settled (totals, analytics) and a
 * bounded window of recent trades with their details: the dashboard's memory does not grow with the number of
 * trades, only the windows are kept per trade.
 *
 * <p>Corrections: the ledger settles a trade again when a leg is booked after it settled, and publishes the next
 * revision with the figures of the one it supersedes. A correction takes the superseded revision's contribution out
 * of the aggregates (from the figures it carries, so also for a trade the windows no longer hold, or counted before
 * a snapshot) and puts its own in; it replaces the trade in the windows.
 *
 * <p>Each record comes with its partition and offset, and the projection remembers per partition the next offset it
 * expects. Duplicates: a record before that offset was applied already (redelivered after a rebalance, a retry or a
 * timed commit) and is dropped, however old it is. A settlement whose revision is not above the latest one seen of
 * its trade is dropped too, while that trade is among the last {@code window} settlements of its partition
 * ({@link SeenTrades}): the ledger relays its outbox at least once, so after a crash between send and mark it sends a
 * byte-identical copy, to the same partition (keyed by tradeId) and before anything it settles later; at most one
 * relay batch (500) per ledger instance comes between the two, far fewer than the window (default 10,000 per
 * partition). A copy that came later than that would be counted again: the window must exceed what a partition
 * receives between a ledger's send and its relay after a restart. A ledger rebuild sends nothing it had published.
 * Order: every figure is a sum, revisions of one trade arrive in order (one partition), and the detail window keeps
 * the latest trades by {@code settledAt}.
 *
 * <p>A restart does not replay history: {@link #checkpoint} gives the aggregates with, per partition, the offset
 * counted up to and the lowest offset either window holds; {@link #restore} takes them back before the first record,
 * and the listener then reads each partition from {@link #resumeOffset}. Records before the counted offset only fill
 * the windows again, so both windows come back as they were and nothing is counted twice. Thread-safe: every method
 * holds the lock, so a checkpoint is always consistent with the offsets it names.
 */
public final class SettlementProjection {

    private final TradeStatsReadModel stats;
    private final TradeAnalyticsReadModel analytics;
    private final RecentTrades recent;
    private final SeenTrades seen;
    /** Per partition, the next offset expected: everything before it has been applied. */
    private final Map<Integer, Long> positions = new HashMap<>();
    /** Per partition, the first offset not in a restored snapshot's aggregates; empty without a snapshot. */
    private final Map<Integer, Long> countedFrom = new HashMap<>();

    public SettlementProjection(TradeStatsReadModel stats, TradeAnalyticsReadModel analytics, int recentCapacity) {
        this.stats = stats;
        this.analytics = analytics;
        this.recent = new RecentTrades(recentCapacity);
        this.seen = new SeenTrades(recentCapacity);
    }

    /**
     * Applies the settlement read at {@code offset} of {@code partition}.
     *
     * @return whether the read model changed (false for a duplicate)
     * @throws IllegalArgumentException when the event breaks the contract (a fractional atomic amount)
     */
    public synchronized boolean apply(TradeSettled event, int partition, long offset) {
        Long expected = positions.get(partition);
        if (expected != null && offset < expected) {
            return false;
        }
        if (seen.revision(event.getTradeId()) >= event.getRevision()) {
            positions.put(partition, offset + 1);
            return false;
        }
        TradeContribution contribution = TradeContribution.of(event);
        TradeContribution superseded = TradeContribution.superseded(event);
        SettlementDetail detail = detail(contribution.trade(), event);
        positions.put(partition, offset + 1);
        seen.add(event.getTradeId(), event.getRevision(), partition, offset);
        recent.put(detail, partition, offset);
        analytics.plot(contribution, superseded);
        if (offset >= countedFrom.getOrDefault(partition, 0L)) {
            if (superseded != null) {
                stats.remove(superseded.trade());
                analytics.uncount(superseded);
            }
            stats.add(contribution.trade());
            analytics.count(contribution);
        }
        return true;
    }

    /** The settlement of a trade in the recent window. */
    public synchronized Optional<SettlementDetail> detail(String tradeId) {
        return recent.detail(tradeId);
    }

    /** The most recent settled trades, newest first, at most {@code limit} (and at most the window). */
    public synchronized List<SettledTrade> recent(int limit) {
        return recent.newest(limit);
    }

    /** How many trades the recent window holds at most (and the duplicate check per partition). */
    public int recentCapacity() {
        return recent.capacity();
    }

    /** Where to read {@code partition} from, when the projection knows; else from the beginning. */
    public synchronized OptionalLong resumeOffset(int partition) {
        Long position = positions.get(partition);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    public synchronized SettlementCheckpoint checkpoint() {
        Map<Integer, Long> countedUpTo = new HashMap<>(countedFrom);
        positions.forEach((partition, position) -> countedUpTo.merge(partition, position, Math::max));
        Map<Integer, Long> replayFrom = new HashMap<>(positions);
        recent.oldestOffsets().forEach((partition, offset) -> replayFrom.merge(partition, offset, Math::min));
        seen.oldestOffsets().forEach((partition, offset) -> replayFrom.merge(partition, offset, Math::min));
        return new SettlementCheckpoint(countedUpTo, replayFrom, stats.totals(), analytics.totals());
    }

    /**
     * Takes back a checkpoint's aggregates; each partition is then read again from its {@code replayFrom}, and only
     * records from {@code countedUpTo} on are counted.
     *
     * @throws IllegalStateException once a record has been applied
     */
    public synchronized void restore(SettlementCheckpoint checkpoint) {
        if (!positions.isEmpty() || seen.size() > 0) {
            throw new IllegalStateException("a snapshot is restored before the first settlement, not after");
        }
        stats.restore(checkpoint.stats());
        analytics.restore(checkpoint.analytics());
        countedFrom.putAll(checkpoint.countedUpTo());
        positions.putAll(checkpoint.countedUpTo());
        positions.putAll(checkpoint.replayFrom());
    }

    private static SettlementDetail detail(SettledTrade trade, TradeSettled event) {
        int out = event.getOutputDecimals();
        return new SettlementDetail(trade, TokenUnits.units(event.getExpectedOutAmount(), out, "expectedOutAmount"),
                TokenUnits.units(event.getDexBaselineOutAmount(), out, "dexBaselineOutAmount"),
                TokenUnits.units(event.getSavingOutAmount(), out, "savingOutAmount"),
                event.getSlippageVsQuoteBps(), event.getShortfallVsArrivalBps(), event.getJupiterPriceImpactPct(),
                event.getDecidedAt());
    }
}
