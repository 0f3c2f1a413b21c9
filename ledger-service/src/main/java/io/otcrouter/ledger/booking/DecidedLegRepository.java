package io.otcrouter.ledger.booking;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.QueryHint;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;

public interface DecidedLegRepository extends JpaRepository<DecidedLeg, Long> {

    /** Read-only: a booked leg never changes, so the flush need not keep a copy of it to compare. */
    @QueryHints(@QueryHint(name = "org.hibernate.readOnly", value = "true"))
    List<DecidedLeg> findByTradeIdIn(Collection<String> tradeIds);
}
