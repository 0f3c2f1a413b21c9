package io.otcrouter.ledger.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TradeRepository extends JpaRepository<Trade, Long>, JpaSpecificationExecutor<Trade> {

    Optional<Trade> findByTradeId(String tradeId);

    boolean existsByTradeId(String tradeId);

    @Query("select t.tradeId from Trade t where t.tradeId in :tradeIds")
    List<String> findExistingTradeIds(@Param("tradeIds") Collection<String> tradeIds);

    List<Trade> findByTradeIdInAndStatus(Collection<String> tradeIds, TradeState status);

    List<Trade> findByTradeIdIn(Collection<String> tradeIds);

    /** Settled trades after {@code afterId} in id order: the rebuild walks every settlement with it. */
    List<Trade> findByStatusNotAndIdGreaterThanOrderById(TradeState status, Long afterId, Limit limit);

    /** Pending trades whose decision the ledger booked before {@code bookedBefore}, longest waiting first. */
    @Query("select t.tradeId from Trade t where t.status = io.otcrouter.ledger.booking.TradeState.PENDING"
            + " and t.bookedAt < :bookedBefore order by t.bookedAt")
    List<String> findPendingBookedBefore(@Param("bookedBefore") Instant bookedBefore, Limit limit);
}
