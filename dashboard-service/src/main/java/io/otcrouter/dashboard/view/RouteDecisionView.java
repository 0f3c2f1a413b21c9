package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.otcrouter.events.RouteDecided;

/**
 * Routing decisions by tradeId, for explaining a trade next to its settlement. Bounded: it keeps the most recently
 * received decisions only (as many as the recent-trades window), since the topic is kept forever; decisions feed no
 * aggregate.
 *
 * <p>Duplicates: a record before the next offset expected on its partition was applied already and is dropped; a
 * trade is decided once, so of two decisions of a tradeId in the window the first is kept. Order: a decision may
 * arrive after its settlement; nothing here depends on the settlement. A restart reads each partition again from the
 * oldest decision of the window ({@link #checkpoint}, {@link #restore}, {@link #resumeOffset}).
 * Thread-safe: every method holds the instance lock.
 */
public final class RouteDecisionView {

    private record Entry(RouteDecision decision, int partition, long offset) {
    }

    private final Map<String, Entry> byTradeId;
    /** Per partition, the next offset expected: everything before it has been applied. */
    private final Map<Integer, Long> positions = new HashMap<>();

    public RouteDecisionView(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.byTradeId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
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
        byTradeId.put(event.getTradeId(), new Entry(decision, partition, offset));
        return true;
    }

    public synchronized Optional<RouteDecision> decision(String tradeId) {
        return Optional.ofNullable(byTradeId.get(tradeId)).map(Entry::decision);
    }

    /** Where to read {@code partition} from, when the view knows; else from the beginning. */
    public synchronized OptionalLong resumeOffset(int partition) {
        Long position = positions.get(partition);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** Per partition, the oldest decision of the window (its partitions arrive in offset order, leave in arrival order). */
    public synchronized DecisionCheckpoint checkpoint() {
        Map<Integer, Long> replayFrom = new HashMap<>(positions);
        Map<Integer, Long> oldest = new HashMap<>();
        byTradeId.values().forEach(entry -> oldest.putIfAbsent(entry.partition(), entry.offset()));
        replayFrom.putAll(oldest);
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
