package io.otcrouter.otcpool.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.otcpool.config.PoolProperties;
import io.otcrouter.otcpool.metrics.PoolMetrics;
import io.otcrouter.otcpool.pool.Pool;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pricing.TradeSide;
import io.otcrouter.otcpool.reservation.Reservation;
import io.otcrouter.otcpool.reservation.ReservationRepository;
import io.otcrouter.otcpool.reservation.ReservationStatus;
import io.otcrouter.otcpool.reservation.Reservations;
import io.otcrouter.outbox.Outbox;

/**
 * Accepts the OTC legs of a routing decision for paper execution. Accepting is one short transaction per leg on the
 * consumer thread: the idempotency claim (a PENDING {@code pool_fill} row, unique per tradeId + legId, so a
 * redelivered decision changes nothing), and the claim of the leg's firm quote if it is still valid — from then
 * its reserved inventory belongs to this fill, shrunk to the leg when a split gave the pool less than it quoted (the
 * rest is released in the same transaction). A quote is valid when the decision accepted it before it expired,
 * however late the decision is read; one accepted after expiry is released on the spot and the leg re-priced. Firm quotes of the same request that the decision did not use are released within a fraction of a second,
 * together with those of other decisions ({@link Reservations#releaseUnusedSoon}). The fill itself
 * is completed by {@link FillCompletion} after the pool's simulated delay, on the
 * {@link FillScheduler}'s threads, so no delay ever blocks the consumer or another pool.
 */
@Service
public class PoolExecution {

    private static final Logger log = LoggerFactory.getLogger(PoolExecution.class);

    private final PoolRepository pools;
    private final PoolFillRepository fills;
    private final ReservationRepository reservationRows;
    private final Reservations reservations;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final FillScheduler scheduler;
    private final PoolMetrics metrics;
    private final Clock clock;
    private final Duration clockTolerance;

    PoolExecution(PoolRepository pools, PoolFillRepository fills, ReservationRepository reservationRows,
            Reservations reservations, Outbox outbox, TransactionTemplate transactions, FillScheduler scheduler,
            PoolMetrics metrics, PoolProperties properties, Clock clock) {
        this.pools = pools;
        this.fills = fills;
        this.reservationRows = reservationRows;
        this.reservations = reservations;
        this.outbox = outbox;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.clock = clock;
        this.clockTolerance = properties.decisionClockTolerance();
    }

    public void execute(RouteDecided decision) {
        List<LegRequest> legs = decision.getLegs().stream()
                .filter(leg -> leg.getVenue() == Venue.OTC)
                .map(leg -> LegRequest.of(decision, leg))
                .toList();
        legs.forEach(leg -> Optional.ofNullable(transactions.execute(status -> accept(leg)))
                .ifPresent(pending -> scheduler.schedule(pending.getId(), pending.getDueAt())));
        Set<String> used = legs.stream().map(LegRequest::quoteId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        reservations.releaseUnusedSoon(decision.getRequestId(), used);
    }

    /** @return the PENDING fill to complete later, or null when the leg was a duplicate or rejected at once */
    private PoolFill accept(LegRequest leg) {
        if (fills.existsByTradeIdAndLegId(leg.tradeId(), leg.legId())) {
            log.info("Leg {} of trade {} already accepted; duplicate delivery ignored", leg.legId(), leg.tradeId());
            return null;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Optional<Pool> found = Optional.ofNullable(leg.poolId()).flatMap(pools::findById);
        if (found.isEmpty()) {
            return rejectAtOnce(leg, null, null, "Unknown OTC pool " + leg.poolId(), now);
        }
        Pool pool = found.get();
        Optional<TradeSide> side = pool.terms().sideFor(leg.inputMint(), leg.outputMint());
        if (!pool.isActive() || side.isEmpty()) {
            return rejectAtOnce(leg, pool, side.orElse(null), "Pool " + pool.getId()
                    + (pool.isActive() ? " does not serve " + leg.pair() : " is not active"), now);
        }
        boolean reserved = claimFirmQuote(leg, pool, side.get(), now);
        Instant due = now.plusMillis(delayMs(pool));
        return fills.save(PoolFill.pending(leg, pool.getId(), side.get(), reserved, now, due));
    }

    /**
     * Claims the leg's firm quote if the decision accepted it while it was valid ({@link QuoteAcceptance}): a quote
     * still held whose decision was made before it expired is honoured even when the decision is processed later
     * (a backlog), since the sweep keeps holds whose decisions may still be unread.
     *
     * @return true when the leg's quote was this pool's firm quote for at least the leg's size, accepted while
     *         valid, and is now claimed for the leg (its hold shrunk to the leg, the rest released)
     */
    private boolean claimFirmQuote(LegRequest leg, Pool pool, TradeSide side, Instant now) {
        Optional<Reservation> found = Optional.ofNullable(leg.quoteId()).flatMap(reservationRows::lock);
        if (found.isEmpty()) {
            return false; // indicative or unknown quote: re-priced at execution
        }
        Reservation quote = found.get();
        Instant acceptedAt = QuoteAcceptance.acceptedAt(leg.decidedAt(), quote.getCreatedAt(), now, clockTolerance);
        // A split may give the pool less than it quoted: the firm price holds for any leg up to the quoted size.
        boolean samePoolAndSide = quote.getPoolId().equals(pool.getId()) && quote.getSide() == side;
        boolean sameTrade = samePoolAndSide && leg.inAmount().compareTo(quote.getInAmount()) <= 0;
        if (sameTrade && quote.isLiveAt(acceptedAt)) {
            if (acceptedAt.isBefore(now) && !quote.isLiveAt(now)) {
                log.info("Quote {} expired at {} but leg {} of trade {} accepted it at {}: honoured", quote.getQuoteId(),
                        quote.getExpiresAt(), leg.legId(), leg.tradeId(), acceptedAt);
            }
            return reservations.claimFor(quote, leg.inAmount());
        }
        if (quote.getStatus() == ReservationStatus.RESERVED && (!quote.isLiveAt(acceptedAt) || samePoolAndSide)) {
            // Accepted too late, or this decision's own quote for less than the leg: give its inventory back now
            // (not at the next sweep), so the re-priced leg does not compete with its own hold.
            reservations.release(quote);
        }
        log.info("Quote {} for leg {} of trade {} is {}; the leg is re-priced", quote.getQuoteId(), leg.legId(),
                leg.tradeId(), sameTrade ? "expired when accepted, or used" : "for another pool or side, or smaller"
                        + " than the leg");
        return false;
    }

    /** @param pool the leg's pool, or null when this service has no pool of that id */
    private PoolFill rejectAtOnce(LegRequest leg, Pool pool, TradeSide side, String reason, Instant now) {
        PoolFill rejected = fills.save(PoolFill.rejectedAtOnce(leg, leg.poolId(), side, reason, now));
        outbox.append(Topics.POOLS_EXECUTED, leg.tradeId(), LegOutcome.of(rejected, now));
        metrics.legCompleted(pool == null ? null : pool.getId(), FillStatus.REJECTED.name());
        log.info("Rejected leg {} of trade {}: {}", leg.legId(), leg.tradeId(), reason);
        return null;
    }

    private static long delayMs(Pool pool) {
        int min = pool.getExecDelayMinMs();
        int max = pool.getExecDelayMaxMs();
        return max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1L);
    }
}
