package io.otcrouter.ledger.booking;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SystemMetricRepository extends JpaRepository<SystemMetric, Long> {

    List<SystemMetric> findByTradeId(String tradeId);

    /** Drops what these trades' superseded settlements recorded: a correction records its own. */
    @Modifying(flushAutomatically = true)
    @Query("delete from SystemMetric m where m.tradeId in :tradeIds")
    int deleteByTradeIdIn(@Param("tradeIds") Collection<String> tradeIds);
}
