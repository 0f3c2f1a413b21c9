package io.otcrouter.ledger.booking;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.tracing.TradeIds;

/**
 * Books trades: joins router decisions with their leg executions, settles a trade once its legs are in (or,
 * provisionally, once its settle timeout, counted from when the ledger booked the decision, has passed: see
 * {@link SettleRule}), and hands each TradeSettled event to the outbox in the same transaction as the settled row.
 *
 * <p>Every booked leg counts. A leg booked after its trade settled — a venue that filled late, or a backlog that held
 * up its execution — settles the trade again with all its legs: the trade's row, its system_metrics rows and a
 * TradeSettled of the next revision, carrying the figures it supersedes, in the same transaction. So once the system
 * is quiet, every trade's settlement agrees with its legs, and its legs with what the venues reported (a leg is booked
 * once, as its first execution event says). The alternative, a deadline the venues enforce, would make a venue refuse
 * a fill it can still make, and turn every leg held up by an outage into a failure.
 *
 * <p>One call books a whole batch in one transaction. Duplicates and disorder: every event id is recorded in
 * processed_event (a redelivery changes nothing), a trade is inserted once per tradeId and a leg once per
 * (tradeId, legId); a leg may arrive before its decision and waits in trade_leg until the decision comes. The trades
 * of a batch are locked first, in ascending key order ({@link TradeLocks}), so concurrent batches on the decision and
 * execution topics serialise per trade without deadlocking. Only a settlement that changes the trade's row (guarded
 * by the entity's @Version as well) emits TradeSettled, once per revision; its event id is derived from the trade id
 * and the revision, so a copy of it (a relay's resend) is one consumers drop.
 */
@Service
public class Booking {

    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private final TradeRepository trades;
    private final TradeLegRepository legs;
    private final DecidedLegRepository decidedLegs;
    private final SystemMetricRepository metrics;
    private final ProcessedEvents processedEvents;
    private final TradeLocks locks;
    private final TradeSettledPublisher publisher;
    private final SettleRule rule;
    private final BookingProperties properties;
    private final BookingMeters meters;
    private final Clock clock;

    public Booking(TradeRepository trades, TradeLegRepository legs, DecidedLegRepository decidedLegs,
            SystemMetricRepository metrics,
            ProcessedEvents processedEvents, TradeLocks locks, TradeSettledPublisher publisher,
            BookingProperties properties, BookingMeters meters, Clock clock) {
        this.trades = trades;
        this.legs = legs;
        this.decidedLegs = decidedLegs;
        this.metrics = metrics;
        this.processedEvents = processedEvents;
        this.locks = locks;
        this.publisher = publisher;
        this.rule = new SettleRule(properties.settleTimeout());
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Books a batch of decisions and executions (either may be empty) in one transaction, as read now: each new
     * trade's settle window starts at the ledger's clock ({@link SettleRule}).
     */
    @Transactional
    public void book(List<RouteDecided> decisions, List<LegExecuted> executions) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        bookBatch(decisions, executions, decision -> now, true);
    }

    /**
     * Books a batch read back from the topics by the rebuild, as the ledger would have booked it had it read every
     * decision when it was made: each trade's settle window starts at its decision. Nothing is queued behind a replay
     * (every event up to its end is in the log), so there is no outage to wait out. Publishes nothing: what was
     * published before is on the settled topic, and the rebuild publishes only what differs from it
     * ({@link RebuiltSettlements}).
     */
    @Transactional
    public void replay(List<RouteDecided> decisions, List<LegExecuted> executions) {
        bookBatch(decisions, executions, RouteDecided::getOccurredAt, false);
    }

    private void bookBatch(List<RouteDecided> decisions, List<LegExecuted> executions,
            Function<RouteDecided, Instant> bookedAt, boolean publish) {
        Set<String> tradeIds = new LinkedHashSet<>();
        decisions.forEach(decision -> tradeIds.add(decision.getTradeId()));
        executions.forEach(execution -> tradeIds.add(execution.getTradeId()));
        if (tradeIds.isEmpty()) {
            return;
        }
        locks.lock(tradeIds);
        Set<String> eventIds = new LinkedHashSet<>();
        decisions.forEach(decision -> eventIds.add(decision.getEventId()));
        executions.forEach(execution -> eventIds.add(execution.getEventId()));
        Set<String> fresh = processedEvents.markFirstDeliveries(eventIds);

        List<DecidedLeg> newDecidedLegs = new ArrayList<>();
        List<Trade> newTrades = newTrades(decisions, fresh, bookedAt, newDecidedLegs);
        List<TradeLeg> newLegs = newLegs(executions, fresh);
        trades.saveAll(newTrades);
        decidedLegs.saveAll(newDecidedLegs);
        legs.saveAll(newLegs);

        Set<String> touched = new LinkedHashSet<>();
        newTrades.forEach(trade -> touched.add(trade.getTradeId()));
        Set<String> withNewLegs = new HashSet<>();
        newLegs.forEach(leg -> withNewLegs.add(leg.getTradeId()));
        touched.addAll(withNewLegs);
        // No timeout here, only the sweep applies it: a replay books decisions long before their legs arrive.
        settleReady(touched, newTrades, withNewLegs, SettleRule.NO_TIMEOUT_YET, publish);
    }

    /** Settles pending trades booked longer ago than the settle timeout; returns how many it settled. */
    @Transactional
    public int settleOverdue() {
        return settleOverdue(true);
    }

    /** As {@link #settleOverdue()}, for the rebuild: publishes nothing (see {@link #replay}). */
    @Transactional
    public int settleOverdueReplayed() {
        return settleOverdue(false);
    }

    private int settleOverdue(boolean publish) {
        Instant now = clock.instant();
        List<String> overdue = trades.findPendingBookedBefore(now.minus(properties.settleTimeout()),
                Limit.of(properties.sweepBatchSize()));
        if (overdue.isEmpty()) {
            return 0;
        }
        locks.lock(overdue);
        return settleReady(overdue, List.of(), Set.of(), now, publish);
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

    /**
     * Settles the pending trades among {@code tradeIds} whose legs are in (or whose window has passed at {@code now}),
     * and settles again the settled ones among {@code withNewLegs}: a leg booked after its trade settled corrects it.
     *
     * <p>Reads as little as it can, since it runs for every batch: the trades this batch created are used as they are
     * (not read back), and the decided legs (for the legs' expected amounts) are read only for the trades that settle,
     * which a batch of new decisions usually has none of.
     */
    private int settleReady(Collection<String> tradeIds, List<Trade> created, Set<String> withNewLegs, Instant now,
            boolean publish) {
        if (tradeIds.isEmpty()) {
            return 0;
        }
        List<Trade> candidates = new ArrayList<>(created);
        Set<String> toRead = new LinkedHashSet<>(tradeIds);
        created.forEach(trade -> toRead.remove(trade.getTradeId()));
        if (!toRead.isEmpty()) {
            trades.findByTradeIdIn(toRead).stream()
                    .filter(trade -> trade.isPending() || withNewLegs.contains(trade.getTradeId()))
                    .forEach(candidates::add);
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        List<String> candidateIds = candidates.stream().map(Trade::getTradeId).toList();
        Map<String, List<TradeLeg>> legsByTrade = legs.findByTradeIdIn(candidateIds).stream()
                .collect(Collectors.groupingBy(TradeLeg::getTradeId));
        Map<Trade, Instant> due = new LinkedHashMap<>();
        for (Trade trade : candidates) {
            List<Instant> executed = legsByTrade.getOrDefault(trade.getTradeId(), List.of()).stream()
                    .map(TradeLeg::getExecutedAt).toList();
            Optional<Instant> settledAt = trade.isPending()
                    ? rule.settleAt(trade.getLegsExpected(), executed, trade.getDecidedAt(), trade.getBookedAt(), now)
                    : Optional.of(rule.settledAt(trade.getLegsExpected(), executed, trade.getDecidedAt()));
            settledAt.ifPresent(at -> due.put(trade, at));
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<LegKey, BigInteger> expectedOut = new HashMap<>();
        decidedLegs.findByTradeIdIn(due.keySet().stream().map(Trade::getTradeId).toList()).forEach(leg -> expectedOut
                .put(new LegKey(leg.getTradeId(), leg.getLegId()), leg.getExpectedOutAmount()));
        List<SystemMetric> newMetrics = new ArrayList<>();
        List<String> corrected = new ArrayList<>();
        List<TradeState> settled = new ArrayList<>();
        List<BookingMeters.Correction> corrections = new ArrayList<>();
        for (Map.Entry<Trade, Instant> entry : due.entrySet()) {
            Trade trade = entry.getKey();
            Optional<Instant> settledAt = Optional.of(entry.getValue());
            List<TradeLeg> booked = legsByTrade.getOrDefault(trade.getTradeId(), List.of());
            List<LegOutcome> outcomes = booked.stream().map(leg -> leg.outcome(
                    expectedOut.get(new LegKey(leg.getTradeId(), leg.getLegId())))).toList();
            Settlement settlement = SettlementCalculator.settle(trade.terms(), outcomes, trade.getLegsExpected());
            if (trade.settledAs(settlement)) {
                continue;
            }
            TradeState before = trade.getStatus();
            settle(trade, settlement, settledAt.get(), publish);
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
