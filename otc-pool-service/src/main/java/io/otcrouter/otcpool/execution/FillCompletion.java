package io.otcrouter.otcpool.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.tracing.TradeIds;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.metrics.PoolMetrics;
import io.otcrouter.otcpool.pool.Pool;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pool.PoolStateEvents;
import io.otcrouter.otcpool.pricing.PoolPrice;
import io.otcrouter.otcpool.pricing.PoolPricer;
import io.otcrouter.otcpool.pricing.PriceGuard;
import io.otcrouter.otcpool.pricing.TradeSide;
import io.otcrouter.otcpool.reservation.Reservation;
import io.otcrouter.otcpool.reservation.ReservationRepository;
import io.otcrouter.otcpool.reservation.ReservationStatus;
import io.otcrouter.outbox.Outbox;

/**
 * Completes one PENDING fill, once, in one transaction holding the inventory change, the fill's outcome and the
 * outbox rows of its {@code LegExecuted} and {@code PoolStateChanged}: no fill without its events, no events
 * without the fill. A fill whose firm quote was claimed fills at the quoted price from its reserved inventory (the
 * hold was shrunk to the leg when it was claimed, so this is the leg's output at that price);
 * any other is priced again now and fills only if the output reaches the leg's minimum and the pool holds it
 * outside what other firm quotes reserve; otherwise it is REJECTED with the reason.
 */
@Component
class FillCompletion {

    private static final Logger log = LoggerFactory.getLogger(FillCompletion.class);

    private final PoolFillRepository fills;
    private final PoolRepository pools;
    private final ReservationRepository reservations;
    private final PoolPricer pricer;
    private final PriceGuard guard;
    private final ReferencePrices prices;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final PoolMetrics metrics;
    private final Clock clock;

    FillCompletion(PoolFillRepository fills, PoolRepository pools, ReservationRepository reservations,
            PoolPricer pricer, PriceGuard guard, ReferencePrices prices, Outbox outbox,
            TransactionTemplate transactions, PoolMetrics metrics, Clock clock) {
        this.fills = fills;
        this.pools = pools;
        this.reservations = reservations;
        this.pricer = pricer;
        this.guard = guard;
        this.prices = prices;
        this.outbox = outbox;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Completes the fill if it is still PENDING and nobody else is completing it right now. */
    void complete(long fillId) {
        transactions.executeWithoutResult(status -> fills.lockPending(fillId).ifPresent(this::completeLocked));
    }

    private void completeLocked(PoolFill fill) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        // Runs on a fill thread, where no record interceptor set the trade id: name the trade in the logs here.
        try (MDC.MDCCloseable trade = MDC.putCloseable(TradeIds.MDC_KEY, fill.getTradeId())) {
            if (fill.isReserved()) {
                fillFromReservation(fill, now);
            } else {
                fillRepriced(fill, now);
            }
        }
    }

    private void fillFromReservation(PoolFill fill, Instant now) {
        Reservation quote = reservations.findById(fill.getQuoteId()).orElseThrow();
        if (settle(fill, quote.getOutAmount(), quote.getPrice(), quote.heldBase(), quote.heldQuote(), now)) {
            reservations.transition(quote.getQuoteId(), ReservationStatus.CLAIMED, ReservationStatus.CONSUMED);
            return;
        }
        // Cannot happen while the reserved-inventory checks hold; never fill short, give the hold back.
        reservations.transition(quote.getQuoteId(), ReservationStatus.CLAIMED, ReservationStatus.RELEASED);
        pools.release(quote.getPoolId(), quote.heldBase(), quote.heldQuote());
        reject(fill, "Reserved inventory of pool " + fill.getPoolId() + " no longer available", now);
    }

    private void fillRepriced(PoolFill fill, Instant now) {
        Pool pool = pools.findById(fill.getPoolId()).orElseThrow();
        if (!pool.isActive()) {
            reject(fill, "Pool " + pool.getId() + " is not active", now);
            return;
        }
        ReferencePrice base = prices.price(pool.getBaseMint()).orElse(null);
        ReferencePrice quote = prices.price(pool.getQuoteMint()).orElse(null);
        Optional<String> stale = guard.refusal(pool.getBaseSymbol(), base)
                .or(() -> guard.refusal(pool.getQuoteSymbol(), quote));
        if (stale.isPresent()) {
            reject(fill, stale.get(), now);
            return;
        }
        PoolPrice price = pricer.price(pool.terms(), fill.getSide(), fill.getInAmount(), base, quote);
        if (!price.accepted()) {
            reject(fill, price.reason(), now);
            return;
        }
        if (price.outAmount().compareTo(fill.getMinOutAmount()) < 0) {
            reject(fill, "Output " + price.outAmount() + " at the current price is below the leg minimum "
                    + fill.getMinOutAmount(), now);
            return;
        }
        if (!settle(fill, price.outAmount(), price.price(), BigInteger.ZERO, BigInteger.ZERO, now)) {
            reject(fill, "Insufficient " + pool.terms().outputToken(fill.getSide()).symbol()
                    + " inventory outside firm quotes", now);
        }
    }

    /** Moves the inventory and records the fill; false (nothing changed) when the pool cannot pay it. */
    private boolean settle(PoolFill fill, BigInteger out, BigDecimal price, BigInteger releaseBase,
            BigInteger releaseQuote, Instant now) {
        BigInteger in = fill.getInAmount();
        boolean sellingBase = fill.getSide() == TradeSide.SELL_BASE;
        int applied = pools.applyFill(fill.getPoolId(), sellingBase ? in : out.negate(),
                sellingBase ? out.negate() : in, releaseBase, releaseQuote);
        if (applied == 0) {
            return false;
        }
        fill.fill(out, price, now);
        fills.save(fill);
        outbox.append(Topics.POOLS_EXECUTED, fill.getTradeId(), LegOutcome.of(fill, now));
        Pool after = pools.findById(fill.getPoolId()).orElseThrow();
        outbox.append(Topics.POOLS_CHANGED, after.getId(), PoolStateEvents.snapshot(after, PoolStateEvents.FILL, now));
        metrics.legCompleted(fill.getPoolId(), FillStatus.FILLED.name());
        log.info("Filled leg {} of trade {} on {}{}: {} in, {} out", fill.getLegId(), fill.getTradeId(),
                fill.getPoolId(), fill.isReserved() ? " at its firm quote" : " at the current price", in, out);
        return true;
    }

    private void reject(PoolFill fill, String reason, Instant now) {
        fill.reject(reason, now);
        fills.save(fill);
        outbox.append(Topics.POOLS_EXECUTED, fill.getTradeId(), LegOutcome.of(fill, now));
        metrics.legCompleted(fill.getPoolId(), FillStatus.REJECTED.name());
        log.info("Rejected leg {} of trade {}: {}", fill.getLegId(), fill.getTradeId(), reason);
    }
}
