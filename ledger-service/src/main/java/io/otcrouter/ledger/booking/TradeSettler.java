package io.otcrouter.ledger.booking;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.tracing.TradeIds;

/**
 * Settles trades for {@link Booking}: a pending trade once its legs are in (or its window has passed,
 * {@link SettleRule}), and a settled trade again when a leg is booked after it, as the next revision. Writes the
 * trade's system_metrics rows with it and, unless replaying, hands its TradeSettled to the outbox.
 */
@Component
class TradeSettler {

    /** Booking's log category, as before the split, so its logging settings still cover these lines. */
    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private final TradeRepository trades;
    private final TradeLegRepository legs;
    private final DecidedLegRepository decidedLegs;
    private final SystemMetricRepository metrics;
    private final TradeSettledPublisher publisher;
    private final SettleRule rule;
    private final BookingMeters meters;

    TradeSettler(TradeRepository trades, TradeLegRepository legs, DecidedLegRepository decidedLegs,
            SystemMetricRepository metrics, TradeSettledPublisher publisher, BookingProperties properties,
            BookingMeters meters) {
        this.trades = trades;
        this.legs = legs;
        this.decidedLegs = decidedLegs;
        this.metrics = metrics;
        this.publisher = publisher;
        this.rule = new SettleRule(properties.settleTimeout());
        this.meters = meters;
    }

    /**
     * Settles the pending trades among {@code tradeIds} whose legs are in (or whose window has passed at {@code now}),
     * and settles again the settled ones among {@code withNewLegs}: a leg booked after its trade settled corrects it.
     * Returns how many pending trades it settled.
     *
     * <p>Reads as little as it can, since it runs for every batch: the trades this batch created are used as they are
     * (not read back), and the decided legs (for the legs' expected amounts) are read only for the trades that settle,
     * which a batch of new decisions usually has none of.
     */
    int settleReady(Collection<String> tradeIds, List<Trade> created, Set<String> withNewLegs, Instant now,
            boolean publish) {
        if (tradeIds.isEmpty()) {
            return 0;
        }
        List<Trade> candidates = candidates(tradeIds, created, withNewLegs);
        if (candidates.isEmpty()) {
            return 0;
        }
        List<String> candidateIds = candidates.stream().map(Trade::getTradeId).toList();
        Map<String, List<TradeLeg>> legsByTrade = legs.findByTradeIdIn(candidateIds).stream()
                .collect(Collectors.groupingBy(TradeLeg::getTradeId));
        Map<Trade, Instant> due = due(candidates, legsByTrade, now);
        if (due.isEmpty()) {
            return 0;
        }
        return settleDue(due, legsByTrade, publish);
    }

    /** The trades this batch created, and the others among {@code tradeIds} still pending or with a new leg. */
    private List<Trade> candidates(Collection<String> tradeIds, List<Trade> created, Set<String> withNewLegs) {
        List<Trade> candidates = new ArrayList<>(created);
        Set<String> toRead = new LinkedHashSet<>(tradeIds);
        created.forEach(trade -> toRead.remove(trade.getTradeId()));
        if (!toRead.isEmpty()) {
            trades.findByTradeIdIn(toRead).stream()
                    .filter(trade -> trade.isPending() || withNewLegs.contains(trade.getTradeId()))
                    .forEach(candidates::add);
        }
        return candidates;
    }

    /** The candidates to settle now, each with the instant it settles at: a settled one always, at its legs. */
    private Map<Trade, Instant> due(List<Trade> candidates, Map<String, List<TradeLeg>> legsByTrade, Instant now) {
        Map<Trade, Instant> due = new LinkedHashMap<>();
        for (Trade trade : candidates) {
            List<Instant> executed = legsByTrade.getOrDefault(trade.getTradeId(), List.of()).stream()
                    .map(TradeLeg::getExecutedAt).toList();
            Optional<Instant> settledAt = trade.isPending()
                    ? rule.settleAt(trade.getLegsExpected(), executed, trade.getDecidedAt(), trade.getBookedAt(), now)
                    : Optional.of(rule.settledAt(trade.getLegsExpected(), executed, trade.getDecidedAt()));
            settledAt.ifPresent(at -> due.put(trade, at));
        }
        return due;
    }

    /**
     * Settles each due trade whose settlement differs from its row, replaces the system_metrics rows of the corrected
     * ones and counts both; returns how many pending trades it settled.
     */
    private int settleDue(Map<Trade, Instant> due, Map<String, List<TradeLeg>> legsByTrade, boolean publish) {
        Map<LegKey, BigInteger> expectedOut = new HashMap<>();
        decidedLegs.findByTradeIdIn(due.keySet().stream().map(Trade::getTradeId).toList()).forEach(leg -> expectedOut
                .put(new LegKey(leg.getTradeId(), leg.getLegId()), leg.getExpectedOutAmount()));
        List<SystemMetric> newMetrics = new ArrayList<>();
        List<String> corrected = new ArrayList<>();
        List<TradeState> settled = new ArrayList<>();
        List<BookingMeters.Correction> corrections = new ArrayList<>();
        for (Map.Entry<Trade, Instant> entry : due.entrySet()) {
            Trade trade = entry.getKey();
            List<TradeLeg> booked = legsByTrade.getOrDefault(trade.getTradeId(), List.of());
            List<LegOutcome> outcomes = booked.stream().map(leg -> leg.outcome(
                    expectedOut.get(new LegKey(leg.getTradeId(), leg.getLegId())))).toList();
            Settlement settlement = SettlementCalculator.settle(trade.terms(), outcomes, trade.getLegsExpected());
            if (trade.settledAs(settlement)) {
                continue;
            }
            TradeState before = trade.getStatus();
            settle(trade, settlement, entry.getValue(), publish);
            newMetrics.addAll(SettlementMetrics.of(trade));
            if (before == TradeState.PENDING) {
                settled.add(trade.getStatus());
            } else {
                corrected.add(trade.getTradeId());
                corrections.add(new BookingMeters.Correction(before, trade.getStatus()));
            }
        }
        if (!corrected.isEmpty()) {
            metrics.deleteByTradeIdIn(corrected);
        }
        metrics.saveAll(newMetrics);
        meters.settled(settled);
        meters.corrected(corrections);
        return settled.size();
    }

    private void settle(Trade trade, Settlement settlement, Instant settledAt, boolean publish) {
        SettlementFigures superseded = trade.isPending() ? null : TradeSettledEvents.figures(trade);
        trade.settle(settlement, settledAt);
        if (publish) {
            publisher.publish(TradeSettledEvents.of(trade, superseded));
        }
        try (MDC.MDCCloseable logged = MDC.putCloseable(TradeIds.MDC_KEY, trade.getTradeId())) {
            if (superseded != null) {
                log.info("Corrected the settlement of trade {} with a leg booked after it: {} -> {} out={}"
                        + " (revision {})", trade.getTradeId(), superseded.getStatus(), trade.getStatus(),
                        trade.getOutAmount(), trade.getRevision());
            } else if (log.isDebugEnabled()) {
                log.debug("Settled trade {} {} out={} price={}", trade.getTradeId(), trade.getStatus(),
                        trade.getOutAmount(), trade.getExecutionPrice());
            }
        }
    }
}
