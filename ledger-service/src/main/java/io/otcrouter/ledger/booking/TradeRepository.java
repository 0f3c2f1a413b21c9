package io.otcrouter.ledger.booking;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TradeRepository extends JpaRepository<Trade, Long> {

    Optional<Trade> findByTradeId(String tradeId);

    boolean existsByTradeId(String tradeId);

    /**
     * Serialises every booking of one trade until the end of the current transaction, across threads and service
     * instances. The decision and its legs arrive on different topics, so two listener threads could otherwise each
     * commit their half while neither sees the other's, and the trade would never settle. A hash collision only
     * serialises two unrelated trades.
     */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(hashtext(:tradeId))) as acquired",
            nativeQuery = true)
    long lockTradeId(@Param("tradeId") String tradeId);
}
