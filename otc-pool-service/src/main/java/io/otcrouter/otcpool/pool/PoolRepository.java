package io.otcrouter.otcpool.pool;

import java.math.BigInteger;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PoolRepository extends JpaRepository<Pool, String> {

    List<Pool> findByActiveTrueOrderById();

    List<Pool> findAllByOrderById();

    /**
     * Moves inventory for one fill in a single conditional statement: the input side grows, the output side
     * shrinks, and nothing happens (0 rows) if the output inventory is short. Concurrent fills on the same pool
     * from different partitions serialize on the row lock, so inventory can never go negative and no update is
     * lost; the version still moves so any optimistic reader notices.
     *
     * @return 1 when applied, 0 when the output inventory was insufficient
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Pool p set
                p.baseInventory = p.baseInventory + :baseDelta,
                p.quoteInventory = p.quoteInventory + :quoteDelta,
                p.version = p.version + 1
            where p.id = :id
              and p.baseInventory + :baseDelta >= 0
              and p.quoteInventory + :quoteDelta >= 0
            """)
    int applyFill(@Param("id") String id, @Param("baseDelta") BigInteger baseDelta,
            @Param("quoteDelta") BigInteger quoteDelta);
}
