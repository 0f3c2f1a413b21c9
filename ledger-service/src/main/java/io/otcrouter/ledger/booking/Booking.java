package io.otcrouter.ledger.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;

/**
 * Books trades: joins a router decision with its leg executions, settles the trade once every expected leg is in,
 * and hands the TradeSettled event to the outbox in the same transaction as the settled row.
 *
 * <p>Duplicates and disorder: every event id is recorded in processed_event (a redelivery changes nothing), a
 * trade is inserted once per tradeId and a leg once per (tradeId, legId); a leg may arrive before its decision and
 * waits in trade_leg until the decision comes. All bookings of one trade are serialised by an advisory lock, and
 * only the PENDING → settled transition (guarded by the entity's @Version as well) emits TradeSettled, so it is
 * produced exactly once per trade.
 */
@Service
public class Booking {

    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private final TradeRepository trades;
    private final TradeLegRepository legs;
    private final SystemMetricRepository metrics;
    private final ProcessedEventRepository processedEvents;
    private final TradeSettledPublisher publisher;
    private final Clock clock;

    public Booking(TradeRepository trades, TradeLegRepository legs, SystemMetricRepository metrics,
            ProcessedEventRepository processedEvents, TradeSettledPublisher publisher, Clock clock) {
        this.trades = trades;
        this.legs = legs;
        this.metrics = metrics;
        this.processedEvents = processedEvents;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public void onRouteDecided(RouteDecided decision) {
        String tradeId = decision.getTradeId();
        trades.lockTradeId(tradeId);
        if (!firstDelivery(decision.getEventId())) {
            return;
        }
        if (trades.existsByTradeId(tradeId)) {
            log.warn("Ignoring a second decision {} for trade {}", decision.getEventId(), tradeId);
            return;
        }
        trades.save(Trade.decided(decision));
        settleIfComplete(tradeId);
    }

    @Transactional
    public void onLegExecuted(LegExecuted execution) {
        String tradeId = execution.getTradeId();
        trades.lockTradeId(tradeId);
        if (!firstDelivery(execution.getEventId())) {
            return;
        }
        if (legs.existsByTradeIdAndLegId(tradeId, execution.getLegId())) {
            log.warn("Ignoring a second execution {} of leg {} of trade {}", execution.getEventId(),
                    execution.getLegId(), tradeId);
            return;
        }
        legs.save(TradeLeg.executed(execution));
        settleIfComplete(tradeId);
    }

    private boolean firstDelivery(String eventId) {
        boolean first = processedEvents.markProcessed(eventId) == 1;
        if (!first) {
            log.debug("Event {} was already booked; dropping the redelivery", eventId);
        }
        return first;
    }

    private void settleIfComplete(String tradeId) {
        Trade trade = trades.findByTradeId(tradeId).orElse(null);
        if (trade == null || !trade.isPending()) {
            return;
        }
        List<TradeLeg> booked = legs.findByTradeIdOrderByLegId(tradeId);
        if (booked.size() < trade.getLegsExpected()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        trade.settle(SettlementCalculator.settle(trade.terms(), booked.stream().map(TradeLeg::outcome).toList()), now);
        trades.saveAndFlush(trade);
        metrics.saveAll(SettlementMetrics.of(trade));
        // The event id is fixed here and travels inside the outbox payload, so a re-relayed copy keeps it.
        publisher.publish(TradeSettledEvents.of(trade, UUID.randomUUID().toString()));
        log.info("Settled trade {} {} out={} price={}", tradeId, trade.getStatus(), trade.getOutAmount(),
                trade.getExecutionPrice());
    }
}
