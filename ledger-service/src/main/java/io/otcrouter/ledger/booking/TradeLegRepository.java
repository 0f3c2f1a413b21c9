package io.otcrouter.ledger.booking;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.QueryHint;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TradeLegRepository extends JpaRepository<TradeLeg, Long> {

    List<TradeLeg> findByTradeIdOrderByLegId(String tradeId);

    /** Read-only: a booked leg never changes, so the flush need not keep a copy of it to compare. */
    @QueryHints(@QueryHint(name = "org.hibernate.readOnly", value = "true"))
    List<TradeLeg> findByTradeIdIn(Collection<String> tradeIds);

    boolean existsByTradeIdAndLegId(String tradeId, String legId);

    @Query("select new io.otcrouter.ledger.booking.LegKey(l.tradeId, l.legId) from TradeLeg l"
            + " where l.tradeId in :tradeIds")
    List<LegKey> findBookedLegKeys(@Param("tradeIds") Collection<String> tradeIds);
}
