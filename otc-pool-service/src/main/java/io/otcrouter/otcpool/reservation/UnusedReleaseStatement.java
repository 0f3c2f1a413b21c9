package io.otcrouter.otcpool.reservation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import io.otcrouter.otcpool.pool.PoolRepository;

/**
 * Releases in one statement the holds still RESERVED of many requests that their decisions did not name, and gives
 * each pool back what they held. Quote ids are unique, so one set of used ids serves every request. Runs in the
 * caller's transaction.
 */
final class UnusedReleaseStatement {

    private final EntityManager entityManager;
    private final PoolRepository pools;

    UnusedReleaseStatement(EntityManager entityManager, PoolRepository pools) {
        this.entityManager = entityManager;
        this.pools = pools;
    }

    /** @return how many holds were released */
    int release(Set<String> requestIds, Set<String> usedQuoteIds) {
        Set<String> used = new HashSet<>(usedQuoteIds);
        used.add(""); // never a quote id; keeps the list non-empty
        @SuppressWarnings("unchecked")
        List<Object[]> perPool = entityManager.createNativeQuery("""
                with released as (
                    update {h-schema}reservation set status = 'RELEASED', version = version + 1
                    where request_id in (:requests) and status = 'RESERVED' and quote_id not in (:used)
                    returning pool_id, side, out_amount)
                select pool_id,
                       coalesce(sum(case when side = 'BUY_BASE' then out_amount end), 0),
                       coalesce(sum(case when side = 'SELL_BASE' then out_amount end), 0),
                       count(*)
                from released group by pool_id order by pool_id
                """).setParameter("requests", requestIds).setParameter("used", used).getResultList();
        int released = 0;
        for (Object[] row : perPool) {
            String poolId = (String) row[0];
            if (pools.release(poolId, atomic(row[1]), atomic(row[2])) == 0) {
                throw new IllegalStateException("Pool " + poolId + " holds less than its unused reservations");
            }
            released += ((Number) row[3]).intValue();
        }
        return released;
    }

    private static BigInteger atomic(Object sum) {
        return sum instanceof BigDecimal decimal ? decimal.toBigIntegerExact() : new BigInteger(sum.toString());
    }
}
