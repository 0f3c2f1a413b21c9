package io.otcrouter.otcpool.reservation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pricing.TradeSide;

/**
 * Owns the holds firm quotes put on pool inventory: taking one (atomically against what other quotes already
 * hold), claiming it for execution, and releasing it when it expires — by the periodic sweep, or lazily by an
 * execution that finds it expired first.
 */
@Component
public class Reservations {

    private static final Logger log = LoggerFactory.getLogger(Reservations.class);
    private static final int SWEEP_BATCH = 500;

    private final ReservationRepository reservations;
    private final PoolRepository pools;
    private final Clock clock;

    Reservations(ReservationRepository reservations, PoolRepository pools, Clock clock) {
        this.reservations = reservations;
        this.pools = pools;
        this.clock = clock;
    }

    /**
     * Holds {@code outAmount} of the pool's output side for a new firm quote.
     *
     * @return the reservation, or empty when what other quotes do not hold is short (or the pool went inactive)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Reservation> reserve(String requestId, String poolId, TradeSide side, BigInteger inAmount,
            BigInteger outAmount, BigDecimal price, int spreadBps, Instant expiresAt, Instant now) {
        Reservation reservation = new Reservation(UUID.randomUUID().toString(), requestId, poolId, side, inAmount,
                outAmount, price, spreadBps, expiresAt, now);
        if (pools.reserve(poolId, reservation.heldBase(), reservation.heldQuote()) == 0) {
            return Optional.empty();
        }
        return Optional.of(reservations.save(reservation));
    }

    /** Gives a still-held reservation's inventory back (it expired); a no-op if something else moved it first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(Reservation reservation) {
        if (reservations.transition(reservation.getQuoteId(), ReservationStatus.RESERVED,
                ReservationStatus.RELEASED) == 0) {
            return;
        }
        if (pools.release(reservation.getPoolId(), reservation.heldBase(), reservation.heldQuote()) == 0) {
            throw new IllegalStateException("Pool " + reservation.getPoolId() + " holds less than reservation "
                    + reservation.getQuoteId());
        }
    }

    /**
     * Claims a live reservation for the execution of a leg of {@code legIn}, so the sweep no longer releases it: from
     * here the held inventory belongs to that fill whatever the clock says. The leg may be smaller than the quote (a
     * split may give the pool less than it quoted): the hold shrinks to the leg's output at the quoted price, pro
     * rata and rounded down as the pool rounds (the router expects exactly this), and the rest of the inventory is
     * free again at once — not at the quote's expiry, when other quotes and re-priced legs would have found it held.
     *
     * @return true when claimed, false when it was not (or no longer) RESERVED or the leg is larger than the quote
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claimFor(Reservation reservation, BigInteger legIn) {
        if (legIn.signum() <= 0 || legIn.compareTo(reservation.getInAmount()) > 0) {
            return false;
        }
        BigInteger legOut = reservation.getOutAmount().multiply(legIn).divide(reservation.getInAmount());
        if (reservations.claimResized(reservation.getQuoteId(), legIn, legOut) == 0) {
            return false;
        }
        BigInteger freed = reservation.getOutAmount().subtract(legOut);
        if (freed.signum() > 0) {
            Reservation part = reservation.part(freed);
            if (pools.release(reservation.getPoolId(), part.heldBase(), part.heldQuote()) == 0) {
                throw new IllegalStateException("Pool " + reservation.getPoolId() + " holds less than reservation "
                        + reservation.getQuoteId());
            }
            log.debug("Quote {} claimed for {} of {} in; {} of its output released", reservation.getQuoteId(), legIn,
                    reservation.getInAmount(), freed);
        }
        return true;
    }

    /**
     * Releases the firm quotes of a request that its decision did not use (the router chose another venue or
     * pool), so their inventory is free again at once instead of at their expiry.
     *
     * @return how many were released
     */
    @Transactional
    public int releaseUnused(String requestId, Set<String> usedQuoteIds) {
        List<Reservation> unused = reservations.findByRequestIdAndStatus(requestId, ReservationStatus.RESERVED)
                .stream().filter(r -> !usedQuoteIds.contains(r.getQuoteId())).toList();
        unused.forEach(this::release);
        return unused.size();
    }

    /** Releases every expired reservation; {@code SKIP LOCKED} lets several instances sweep side by side. */
    @Scheduled(fixedDelayString = "${otc.pools.reservation-sweep-interval:1s}")
    @Transactional
    public void releaseExpired() {
        List<Reservation> expired = reservations.lockExpired(Instant.now(clock), SWEEP_BATCH);
        expired.forEach(this::release);
        if (!expired.isEmpty()) {
            log.debug("Released {} expired firm quotes", expired.size());
        }
    }
}
