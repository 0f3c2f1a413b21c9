package io.otcrouter.otcpool.reservation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.otcrouter.outbox.DependencyOutage;
import io.otcrouter.otcpool.pool.PoolRepository;
import io.otcrouter.otcpool.pricing.TierSchedule;
import io.otcrouter.otcpool.pricing.TradeSide;
import io.otcrouter.otcpool.watermark.DecisionWatermark;

/**
 * Owns the holds firm quotes put on pool inventory: taking one (atomically against what other quotes already
 * hold), claiming it for execution, and releasing it when it expires — by the periodic sweep once no decision
 * that may still claim it can be waiting unread ({@link DecisionWatermark}), or lazily by an execution that finds
 * it accepted too late.
 */
@Component
public class Reservations {

    private static final Logger log = LoggerFactory.getLogger(Reservations.class);
    private static final int SWEEP_BATCH = 500;
    private static final int UNUSED_BATCH = 500;
    private static final int UNUSED_QUEUE_LIMIT = 100_000;

    private final ReservationRepository reservations;
    private final PoolRepository pools;
    private final DecisionWatermark watermark;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final UnusedReleaseStatement unusedRelease;
    private final Queue<Unused> unused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedUnused = new AtomicInteger();
    private final DependencyOutage unusedReleaseOutage = new DependencyOutage(log,
            "Unused firm quotes not released, the database is unreachable; they stay queued and are retried every run",
            "Unused firm quotes are released again: the database answers");
    private final DependencyOutage sweepOutage = new DependencyOutage(log,
            "Expired firm quotes not released, the database is unreachable; the sweep tries again every run",
            "Expired firm quotes are released again: the database answers");

    Reservations(ReservationRepository reservations, PoolRepository pools, DecisionWatermark watermark,
            TransactionTemplate transactions, EntityManager entityManager, Clock clock) {
        this.unusedRelease = new UnusedReleaseStatement(entityManager, pools);
        this.reservations = reservations;
        this.pools = pools;
        this.watermark = watermark;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Holds {@code outAmount} of the pool's output side for a new firm quote.
     *
     * @return the reservation, or empty when what other quotes do not hold is short (or the pool went inactive)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Reservation> reserve(String requestId, String poolId, TradeSide side, BigInteger inAmount,
            BigInteger outAmount, BigDecimal price, int spreadBps, TierSchedule tiers, Instant expiresAt,
            Instant now) {
        Reservation reservation = new Reservation(UUID.randomUUID().toString(), requestId, poolId, side, inAmount,
                outAmount, price, spreadBps, tiers, expiresAt, now);
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
     * split may give the pool less than it quoted): the hold shrinks to the leg's output at the quoted price — or at
     * its size tier's, when the quote published a cheaper tier for smaller legs ({@link TierSchedule}) — pro rata
     * and rounded down as the pool rounds (the router expects exactly this), and the rest of the inventory is
     * free again at once — not at the quote's expiry, when other quotes and re-priced legs would have found it held.
     *
     * @return true when claimed, false when it was not (or no longer) RESERVED or the leg is larger than the quote
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claimFor(Reservation reservation, BigInteger legIn) {
        if (legIn.signum() <= 0 || legIn.compareTo(reservation.getInAmount()) > 0) {
            return false;
        }
        TierSchedule tiers = reservation.tiers();
        BigInteger legOut = tiers.legOut(legIn, reservation.getInAmount(), reservation.getOutAmount());
        if (reservations.claimResized(reservation.getQuoteId(), legIn, legOut,
                tiers.legPrice(legIn, reservation.getPrice())) == 0) {
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
     * Queues the release of the firm quotes of a request that its decision did not use (the router chose another
     * venue or pool), so their inventory is free again within {@code otc.pools.unused-release-interval} instead of
     * at their expiry. Most decisions had no firm quote of this service at all: looking for them one decision at a
     * time (a transaction and a query each) cost more than anything else the decision consumer did, so the queued
     * requests are looked up together, by {@link #releaseQueuedUnused()}. A queue lost in a crash only leaves holds
     * that the sweep releases at their expiry.
     *
     * @param usedQuoteIds the quotes the decision's legs named (claimed, or already released, by their legs)
     */
    public void releaseUnusedSoon(String requestId, Set<String> usedQuoteIds) {
        if (queuedUnused.incrementAndGet() > UNUSED_QUEUE_LIMIT) {
            queuedUnused.decrementAndGet();
            return; // the database has been away a long time: the sweep releases these at their expiry
        }
        unused.add(new Unused(requestId, usedQuoteIds));
    }

    /**
     * Releases, in one statement per {@value #UNUSED_BATCH} decisions, the holds still RESERVED of the queued
     * requests that their decisions did not name. Quote ids are unique, so one set of used ids serves the batch.
     * When the database is away the batch goes back to the queue, and the outage is logged once, as a warning, not at
     * every run (then once more when a run succeeds again); on any other failure the batch is dropped and its holds
     * are released by the sweep at their expiry.
     */
    @Scheduled(fixedDelayString = "${otc.pools.unused-release-interval:200ms}")
    public void releaseQueuedUnused() {
        List<Unused> batch;
        do {
            batch = new ArrayList<>();
            for (Unused next; batch.size() < UNUSED_BATCH && (next = unused.poll()) != null;) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            queuedUnused.addAndGet(-batch.size());
            List<Unused> requests = batch;
            try {
                Integer released = transactions.execute(status -> releaseUnused(requests));
                if (released != null && released > 0) {
                    log.info("Released {} firm quotes that the decisions of their requests did not use", released);
                }
            } catch (DataAccessException | TransactionException e) {
                unused.addAll(batch); // the database is away: try again at the next run
                queuedUnused.addAndGet(batch.size());
                unusedReleaseOutage.failed(e);
                return;
            }
            unusedReleaseOutage.answered();
        } while (batch.size() == UNUSED_BATCH);
    }

    private int releaseUnused(List<Unused> batch) {
        Set<String> requestIds = new HashSet<>();
        Set<String> used = new HashSet<>();
        batch.forEach(u -> {
            requestIds.add(u.requestId());
            used.addAll(u.usedQuoteIds());
        });
        return unusedRelease.release(requestIds, used);
    }

    private record Unused(String requestId, Set<String> usedQuoteIds) {
    }

    /**
     * Records how far this instance has read the decision topic, then releases the reservations that expired before
     * the watermark (at most {@value #SWEEP_BATCH} a run); {@code SKIP LOCKED} lets several instances sweep side by
     * side. Nothing is released while some partition of the decision topic has not been read at all. While the
     * database is away the run does nothing and the next one tries again; the outage is logged once, as a warning.
     */
    @Scheduled(fixedDelayString = "${otc.pools.reservation-sweep-interval:1s}")
    public void releaseExpired() {
        Optional<Instant> cutoff;
        Integer released;
        try {
            watermark.record();
            cutoff = watermark.cutoff(Instant.now(clock));
            released = cutoff.isEmpty() ? null : transactions.execute(status -> {
                List<Reservation> expired = reservations.lockExpired(cutoff.get(), SWEEP_BATCH);
                expired.forEach(this::release);
                return expired.size();
            });
        } catch (DataAccessException | TransactionException e) {
            sweepOutage.failed(e);
            return;
        }
        sweepOutage.answered();
        if (cutoff.isEmpty()) {
            log.debug("No expired firm quote released: the decision topic has not been read on every partition");
            return;
        }
        if (released != null && released > 0) {
            log.debug("Released {} firm quotes that expired before {}", released, cutoff.get());
        }
    }
}
