package io.otcrouter.otcpool.execution;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PoolFillRepository extends JpaRepository<PoolFill, Long> {

    boolean existsByTradeIdAndLegId(String tradeId, String legId);

    List<PoolFill> findByTradeId(String tradeId);
}
