package io.otcrouter.otcpool.reservation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReservationRepository extends JpaRepository<Reservation, String> {

    Optional<Reservation> findByRequestIdAndPoolId(String requestId, String poolId);

    /** The quote, locked for this transaction: claiming and expiring it cannot interleave. */
    @Query(value = "select * from {h-schema}reservation where quote_id = :quoteId for update", nativeQuery = true)
    Optional<Reservation> lock(@Param("quoteId") String quoteId);

    /** Expired, still-held reservations, locked; {@code SKIP LOCKED} lets several instances sweep side by side. */
    @Query(value = """
            select * from {h-schema}reservation
            where status = 'RESERVED' and expires_at <= :now
            order by expires_at
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<Reservation> lockExpired(@Param("now") Instant now, @Param("limit") int limit);

    /**
     * Claims a RESERVED reservation and shrinks it to a leg's size and output in one step (see
     * {@link #transition} for why only one of two racing updates wins).
     *
     * @return 1 when claimed, 0 when it was no longer RESERVED
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Reservation r set r.status = io.otcrouter.otcpool.reservation.ReservationStatus.CLAIMED,
                r.inAmount = :inAmount, r.outAmount = :outAmount, r.price = :price, r.version = r.version + 1
            where r.quoteId = :quoteId and r.status = io.otcrouter.otcpool.reservation.ReservationStatus.RESERVED
            """)
    int claimResized(@Param("quoteId") String quoteId, @Param("inAmount") BigInteger inAmount,
            @Param("outAmount") BigInteger outAmount, @Param("price") java.math.BigDecimal price);

    /**
     * Moves a reservation from one status to the next only if it is still in {@code from}: of two racing
     * transitions (a sweep releasing it, an execution claiming it) exactly one wins.
     *
     * @return 1 when moved, 0 when it was no longer in {@code from}
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Reservation r set r.status = :to, r.version = r.version + 1
            where r.quoteId = :quoteId and r.status = :from
            """)
    int transition(@Param("quoteId") String quoteId, @Param("from") ReservationStatus from,
            @Param("to") ReservationStatus to);
}
