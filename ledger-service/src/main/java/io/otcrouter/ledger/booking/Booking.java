package io.otcrouter.ledger.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;

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
 *
 * <p>{@link BatchRecorder} records what a batch brings; {@link TradeSettler} settles and corrects.
 */
@Service
public class Booking {

    private final TradeRepository trades;
    private final ProcessedEvents processedEvents;
    private final TradeLocks locks;
    private final BatchRecorder recorder;
    private final TradeSettler settler;
    private final BookingProperties properties;
    private final Clock clock;

    Booking(TradeRepository trades, ProcessedEvents processedEvents, TradeLocks locks, BatchRecorder recorder,
            TradeSettler settler, BookingProperties properties, Clock clock) {
        this.trades = trades;
        this.processedEvents = processedEvents;
        this.locks = locks;
        this.recorder = recorder;
        this.settler = settler;
        this.properties = properties;
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

        BatchRecorder.Recorded recorded = recorder.record(decisions, executions, fresh, bookedAt);

        Set<String> touched = new LinkedHashSet<>();
        recorded.newTrades().forEach(trade -> touched.add(trade.getTradeId()));
        touched.addAll(recorded.withNewLegs());
        // No timeout here, only the sweep applies it: a replay books decisions long before their legs arrive.
        settler.settleReady(touched, recorded.newTrades(), recorded.withNewLegs(), SettleRule.NO_TIMEOUT_YET,
                publish);
    }

    /**
     * Settles pending trades booked longer ago than the settle timeout, as if every leg executed so far had been
     * booked; returns how many it settled.
     */
    @Transactional
    public int settleOverdue() {
        return settleOverdue(clock.instant(), true);
    }

    /**
     * Settles pending trades whose settle window ended before {@code legsBookedThrough} (and before now): the time
     * through which every leg execution has been read and booked ({@link LegWatermark}). A trade whose window ended
     * later may still have a leg waiting unread, and is left for a later sweep. Returns how many it settled.
     */
    @Transactional
    public int settleOverdue(Instant legsBookedThrough) {
        return settleOverdue(legsBookedThrough, true);
    }

    /** As {@link #settleOverdue()}, for the rebuild: publishes nothing (see {@link #replay}). */
    @Transactional
    public int settleOverdueReplayed() {
        return settleOverdue(clock.instant(), false);
    }

    private int settleOverdue(Instant legsBookedThrough, boolean publish) {
        Instant now = clock.instant();
        Instant windowEndedBy = legsBookedThrough.isBefore(now) ? legsBookedThrough : now;
        List<String> overdue = trades.findPendingBookedBefore(windowEndedBy.minus(properties.settleTimeout()),
                Limit.of(properties.sweepBatchSize()));
        if (overdue.isEmpty()) {
            return 0;
        }
        locks.lock(overdue);
        return settler.settleReady(overdue, List.of(), Set.of(), now, publish);
    }
}
