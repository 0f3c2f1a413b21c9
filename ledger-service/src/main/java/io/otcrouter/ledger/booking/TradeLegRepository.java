package io.otcrouter.ledger.booking;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TradeLegRepository extends JpaRepository<TradeLeg, Long> {

    List<TradeLeg> findByTradeIdOrderByLegId(String tradeId);

    boolean existsByTradeIdAndLegId(String tradeId, String legId);
}
