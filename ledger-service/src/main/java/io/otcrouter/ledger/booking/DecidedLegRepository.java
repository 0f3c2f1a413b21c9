package io.otcrouter.ledger.booking;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DecidedLegRepository extends JpaRepository<DecidedLeg, Long> {

    List<DecidedLeg> findByTradeIdIn(Collection<String> tradeIds);
}
