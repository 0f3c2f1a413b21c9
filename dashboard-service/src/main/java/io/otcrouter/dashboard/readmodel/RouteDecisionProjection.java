package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

import io.otcrouter.events.RouteDecided;

/**
 * Routing decisions by tradeId, for explaining a trade next to its settlement. Bounded: it keeps the latest decisions
 * by decision time only (as many as the recent-trades window), since the topic is kept forever; decisions feed no
 * aggregate.
 *
 * <p>Duplicates: a record before the next offset expected on its partition was applied already and is dropped; a
 * trade is decided once, so of two decisions of a tradeId in the window the first is kept. Order: a decision may
 * arrive after its settlement; nothing here depends on the settlement, and which decisions the window holds does not
 * depend on the order partitions are read in. A restart reads each partition again from the lowest offset the window
 * holds ({@link #checkpoint}, {@link #restore}, {@link #resumeOffset}). Thread-safe: every method holds the lock.
 */
public final class RouteDecisionProjection {

    private record Entry(RouteDecision decision, int partition, long offset) {
    }

    private static final Comparator<Entry> OLDEST_FIRST = Comparator
            .comparing((Entry entry) -> entry.decision().decidedAt())
            .thenComparing(entry -> entry.decision().tradeId());

    private final int capacity;
    private final Map<String, Entry> byTradeId = new HashMap<>();
    private final NavigableSet<Entry> oldestFirst = new TreeSet<>(OLDEST_FIRST);
    /** Per partition, the next offset expected: everything before it has been applied. */
    private final Map<Integer, Long> positions = new HashMap<>();

    public RouteDecisionProjection(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Applies the decision read at {@code offset} of {@code partition}.
     *
     * @return whether the window changed (false for a duplicate)
     * @throws IllegalArgumentException when the event breaks the contract (a fractional atomic amount)
     */
    public synchronized boolean apply(RouteDecided event, int partition, long offset) {
        Long expected = positions.get(partition);
        if (expected != null && offset < expected) {
            return false;
        }
        RouteDecision decision = byTradeId.containsKey(event.getTradeId()) ? null : toDecision(event);
        positions.put(partition, offset + 1);
        if (decision == null) {
            return false;
        }
        Entry entry = new Entry(decision, partition, offset);
        byTradeId.put(decision.tradeId(), entry);
        oldestFirst.add(entry);
        if (oldestFirst.size() > capacity) {
            byTradeId.remove(oldestFirst.pollFirst().decision().tradeId());
        }
        return true;
    }

    public synchronized Optional<RouteDecision> decision(String tradeId) {
        return Optional.ofNullable(byTradeId.get(tradeId)).map(Entry::decision);
    }

    /** Where to read {@code partition} from, when the projection knows; else from the beginning. */
    public synchronized OptionalLong resumeOffset(int partition) {
        Long position = positions.get(partition);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** Per partition, the lowest offset of a decision in the window. */
    public synchronized DecisionCheckpoint checkpoint() {
        Map<Integer, Long> replayFrom = new HashMap<>(positions);
        byTradeId.values().forEach(entry -> replayFrom.merge(entry.partition(), entry.offset(), Math::min));
        return new DecisionCheckpoint(replayFrom);
    }

    /**
     * Reads each partition again from the checkpoint's oldest decision.
     *
     * @throws IllegalStateException once a decision has been applied
     */
    public synchronized void restore(DecisionCheckpoint checkpoint) {
        if (!positions.isEmpty()) {
            throw new IllegalStateException("a snapshot is restored before the first decision, not after");
        }
        positions.putAll(checkpoint.replayFrom());
    }

    public synchronized int size() {
        return byTradeId.size();
    }

    private static RouteDecision toDecision(RouteDecided event) {
        int in = event.getInputDecimals();
        int out = event.getOutputDecimals();
        return new RouteDecision(event.getTradeId(), event.getClientOrderId(), event.getPair(),
                event.getInputSymbol(), event.getOutputSymbol(), event.getRoute(),
                units(event.getAmountIn(), in), event.getSlippageBps(), units(event.getExpectedOutAmount(), out),
                units(event.getDexBaselineOutAmount(), out), units(event.getExpectedSavingOutAmount(), out),
                event.getJupiterPriceImpactPct(), event.getReason(), event.getDexQuoteSource(),
                event.getLegs().stream().map(leg -> new RouteDecision.Leg(leg.getLegId(), leg.getVenue(),
                        leg.getPoolId(), units(leg.getInAmount(), in), units(leg.getExpectedOutAmount(), out),
                        units(leg.getMinOutAmount(), out))).toList(),
                event.getCandidates().stream().map(candidate -> new RouteDecision.Candidate(candidate.getLabel(),
                        candidate.getRoute(), candidate.getAvailable(), units(candidate.getOutAmount(), out),
                        candidate.getReason())).toList(),
                event.getOccurredAt(), event.getSubmittedBy());
    }

    /** Atomic amount (scale 0) to token units; null stays null. */
    private static BigDecimal units(BigDecimal atomic, int decimals) {
        return TokenUnits.units(atomic, decimals, "amount");
    }
}
