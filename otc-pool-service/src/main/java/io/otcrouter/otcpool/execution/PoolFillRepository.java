package io.otcrouter.otcpool.execution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PoolFillRepository extends JpaRepository<PoolFill, Long> {

    boolean existsByTradeIdAndLegId(String tradeId, String legId);

    List<PoolFill> findByTradeId(String tradeId);

    /**
     * The fill if it is still PENDING, locked for this transaction; empty when another thread (the delayed task or
     * the recovery sweep) completed it or is completing it right now.
     */
    @Query(value = """
            select * from {h-schema}pool_fill where id = :id and status = 'PENDING' for update skip locked
            """, nativeQuery = true)
    Optional<PoolFill> lockPending(@Param("id") long id);

    @Query(value = """
            select id from {h-schema}pool_fill where status = 'PENDING' and due_at <= :now order by due_at limit :limit
            """, nativeQuery = true)
    List<Long> findDuePending(@Param("now") Instant now, @Param("limit") int limit);
}
