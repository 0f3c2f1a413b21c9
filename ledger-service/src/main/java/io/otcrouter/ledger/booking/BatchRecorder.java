package io.otcrouter.ledger.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.tracing.TradeIds;

/**
 * Records what a batch brings for the first time, for {@link Booking}: a trade (with its decided legs) per new
 * decision, a leg per new execution. A second decision of a booked trade, or a second execution of a booked leg, is
 * logged and ignored: a leg is booked once, as its first execution event says.
 */
@Component
class BatchRecorder {

    /** Booking's log category, as before the split, so its logging settings still cover these lines. */
    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private final TradeRepository trades;
    private final TradeLegRepository legs;
    private final DecidedLegRepository decidedLegs;

    BatchRecorder(TradeRepository trades, TradeLegRepository legs, DecidedLegRepository decidedLegs) {
        this.trades = trades;
        this.legs = legs;
        this.decidedLegs = decidedLegs;
    }

    /** What a batch recorded: the trades it created, and the trades it booked a new leg of. */
    record Recorded(List<Trade> newTrades, Set<String> withNewLegs) {
    }

    /**
     * Saves the trades, decided legs and legs of the events in {@code fresh} (their first delivery) that are not
     * booked yet; each new trade's settle window starts at {@code bookedAt} of its decision.
     */
    Recorded record(List<RouteDecided> decisions, List<LegExecuted> executions, Set<String> fresh,
            Function<RouteDecided, Instant> bookedAt) {
        List<DecidedLeg> newDecidedLegs = new ArrayList<>();
        List<Trade> newTrades = newTrades(decisions, fresh, bookedAt, newDecidedLegs);
        List<TradeLeg> newLegs = newLegs(executions, fresh);
        trades.saveAll(newTrades);
        decidedLegs.saveAll(newDecidedLegs);
        legs.saveAll(newLegs);
        Set<String> withNewLegs = new HashSet<>();
        newLegs.forEach(leg -> withNewLegs.add(leg.getTradeId()));
        return new Recorded(newTrades, withNewLegs);
    }

    private List<Trade> newTrades(List<RouteDecided> decisions, Set<String> fresh,
            Function<RouteDecided, Instant> bookedAt, List<DecidedLeg> newDecidedLegs) {
        Map<String, RouteDecided> firstPerTrade = new LinkedHashMap<>();
        decisions.stream().filter(decision -> fresh.contains(decision.getEventId()))
                .forEach(decision -> firstPerTrade.putIfAbsent(decision.getTradeId(), decision));
        if (firstPerTrade.isEmpty()) {
            return List.of();
        }
        Set<String> existing = new HashSet<>(trades.findExistingTradeIds(firstPerTrade.keySet()));
        List<Trade> created = new ArrayList<>();
        firstPerTrade.forEach((tradeId, decision) -> {
            if (existing.contains(tradeId)) {
                try (MDC.MDCCloseable logged = MDC.putCloseable(TradeIds.MDC_KEY, tradeId)) {
                    log.warn("Ignoring a second decision {} for trade {}", decision.getEventId(), tradeId);
                }
            } else {
                created.add(Trade.decided(decision, bookedAt.apply(decision)));
                decision.getLegs().forEach(leg -> newDecidedLegs.add(DecidedLeg.of(tradeId, leg)));
            }
        });
        return created;
    }

    private List<TradeLeg> newLegs(List<LegExecuted> executions, Set<String> fresh) {
        Map<LegKey, LegExecuted> firstPerLeg = new LinkedHashMap<>();
        executions.stream().filter(execution -> fresh.contains(execution.getEventId()))
                .forEach(execution -> firstPerLeg.putIfAbsent(
                        new LegKey(execution.getTradeId(), execution.getLegId()), execution));
        if (firstPerLeg.isEmpty()) {
            return List.of();
        }
        Set<String> tradeIds = firstPerLeg.keySet().stream().map(LegKey::tradeId).collect(Collectors.toSet());
        Set<LegKey> booked = new HashSet<>(legs.findBookedLegKeys(tradeIds));
        List<TradeLeg> created = new ArrayList<>();
        firstPerLeg.forEach((key, execution) -> {
            if (booked.contains(key)) {
                try (MDC.MDCCloseable logged = MDC.putCloseable(TradeIds.MDC_KEY, key.tradeId())) {
                    log.warn("Ignoring a second execution {} of leg {} of trade {}", execution.getEventId(),
                            key.legId(), key.tradeId());
                }
            } else {
                created.add(TradeLeg.executed(execution));
            }
        });
        return created;
    }
}
