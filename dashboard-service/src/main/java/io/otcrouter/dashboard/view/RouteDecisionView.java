package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.otcrouter.events.RouteDecided;

/**
 * Routing decisions by tradeId, for explaining a trade next to its settlement. Bounded: it keeps the most
 * recently decided trades only, since the topic is kept forever.
 *
 * <p>Duplicates: a trade is decided once, so the first decision of a tradeId is kept and a redelivery is ignored.
 * Order: a decision may arrive after its settlement; nothing here depends on the settlement.
 * Thread-safe: every method holds the instance lock.
 */
public final class RouteDecisionView {

    private final Map<String, RouteDecision> byTradeId;

    public RouteDecisionView(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.byTradeId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RouteDecision> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void apply(RouteDecided event) {
        byTradeId.computeIfAbsent(event.getTradeId(), tradeId -> toDecision(event));
    }

    public synchronized Optional<RouteDecision> decision(String tradeId) {
        return Optional.ofNullable(byTradeId.get(tradeId));
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
        return atomic == null ? null : TokenUnits.toUnits(atomic.toBigIntegerExact(), decimals);
    }
}
