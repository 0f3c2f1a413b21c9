package io.otcrouter.ledger.booking;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TradeLegRepository extends JpaRepository<TradeLeg, Long> {

    List<TradeLeg> findByTradeIdOrderByLegId(String tradeId);

    List<TradeLeg> findByTradeIdIn(Collection<String> tradeIds);

    boolean existsByTradeIdAndLegId(String tradeId, String legId);

    @Query("select new io.otcrouter.ledger.booking.LegKey(l.tradeId, l.legId) from TradeLeg l"
            + " where l.tradeId in :tradeIds")
    List<LegKey> findBookedLegKeys(@Param("tradeIds") Collection<String> tradeIds);
}
