package io.otcrouter.ledger.booking;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SystemMetricRepository extends JpaRepository<SystemMetric, Long> {

    List<SystemMetric> findByTradeId(String tradeId);
}
