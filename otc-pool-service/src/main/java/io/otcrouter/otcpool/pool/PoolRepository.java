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

    /** Every pool's inventory and reservations, without loading the pools (their size tiers) as entities. */
    @Query("""
            select new io.otcrouter.otcpool.pool.PoolInventory(p.id, p.baseInventory, p.reservedBaseInventory,
                p.baseDecimals, p.quoteInventory, p.reservedQuoteInventory, p.quoteDecimals)
            from Pool p order by p.id
            """)
    List<PoolInventory> findAllInventories();

    /**
     * Holds output inventory for a firm quote in one conditional statement: nothing happens (0 rows) when the pool is
     * inactive or what is not yet held by other quotes is short. Concurrent quotes serialize on the row lock, so two
     * quotes can never be promised the same liquidity.
     *
     * @return 1 when reserved, 0 when the available inventory was insufficient
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Pool p set
                p.reservedBaseInventory = p.reservedBaseInventory + :base,
                p.reservedQuoteInventory = p.reservedQuoteInventory + :quote,
                p.version = p.version + 1
            where p.id = :id and p.active = true
              and p.baseInventory - p.reservedBaseInventory - :base >= 0
              and p.quoteInventory - p.reservedQuoteInventory - :quote >= 0
            """)
    int reserve(@Param("id") String id, @Param("base") BigInteger base, @Param("quote") BigInteger quote);

    /** Gives a released (expired) reservation back to the available inventory. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Pool p set
                p.reservedBaseInventory = p.reservedBaseInventory - :base,
                p.reservedQuoteInventory = p.reservedQuoteInventory - :quote,
                p.version = p.version + 1
            where p.id = :id and p.reservedBaseInventory >= :base and p.reservedQuoteInventory >= :quote
            """)
    int release(@Param("id") String id, @Param("base") BigInteger base, @Param("quote") BigInteger quote);

    /**
     * Moves inventory for one fill in a single conditional statement: the input side grows, the output side
     * shrinks, the fill's own reservation (if any) is consumed, and nothing happens (0 rows) if the output would
     * eat into inventory held by other firm quotes or go negative. Concurrent fills on the same pool serialize on
     * the row lock, so inventory never goes negative and no update is lost.
     *
     * @return 1 when applied, 0 when the output inventory was insufficient
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Pool p set
                p.baseInventory = p.baseInventory + :baseDelta,
                p.quoteInventory = p.quoteInventory + :quoteDelta,
                p.reservedBaseInventory = p.reservedBaseInventory - :releaseBase,
                p.reservedQuoteInventory = p.reservedQuoteInventory - :releaseQuote,
                p.version = p.version + 1
            where p.id = :id
              and p.reservedBaseInventory - :releaseBase >= 0
              and p.reservedQuoteInventory - :releaseQuote >= 0
              and p.baseInventory + :baseDelta - (p.reservedBaseInventory - :releaseBase) >= 0
              and p.quoteInventory + :quoteDelta - (p.reservedQuoteInventory - :releaseQuote) >= 0
            """)
    int applyFill(@Param("id") String id, @Param("baseDelta") BigInteger baseDelta,
            @Param("quoteDelta") BigInteger quoteDelta, @Param("releaseBase") BigInteger releaseBase,
            @Param("releaseQuote") BigInteger releaseQuote);

    /**
     * Deposits or withdraws inventory (admin). A withdrawal may not touch what firm quotes hold, and the reference
     * for utilization moves with the base deposit.
     *
     * @return 1 when applied, 0 when it would leave less than is reserved
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Pool p set
                p.baseInventory = p.baseInventory + :baseDelta,
                p.quoteInventory = p.quoteInventory + :quoteDelta,
                p.initialBaseInventory = p.initialBaseInventory + :baseDelta,
                p.version = p.version + 1
            where p.id = :id
              and p.baseInventory + :baseDelta >= p.reservedBaseInventory
              and p.quoteInventory + :quoteDelta >= p.reservedQuoteInventory
              and p.initialBaseInventory + :baseDelta > 0
            """)
    int adjustInventory(@Param("id") String id, @Param("baseDelta") BigInteger baseDelta,
            @Param("quoteDelta") BigInteger quoteDelta);
}
