package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest state of one OTC pool, inventories and size limits in token units.
 *
 * @param baseInventoryPct base inventory left, in percent of the initial inventory (null if none was seeded)
 * @param utilizationPct   share of the initial base inventory the pool has sold, in percent (0 when it grew)
 * @param lowBaseInventory the base inventory is under {@link PoolProjection#LOW_INVENTORY_PCT} % of the initial one:
 *                         the pool is close to running out for trades that buy the base token. The quote side
 *                         cannot be judged: PoolStateChanged carries no initial quote inventory
 * @param status           ACTIVE, PAUSED (switched off) or DEPLETED (less base left than its minimum trade)
 * @param change           what changed last: SEEDED, FILL, ADMIN
 */
public record PoolSnapshot(String poolId, String pair, String baseSymbol, String quoteSymbol,
        BigDecimal baseInventory, BigDecimal quoteInventory, BigDecimal initialBaseInventory,
        BigDecimal baseInventoryPct, BigDecimal utilizationPct, boolean lowBaseInventory, int spreadBps, int priceOffsetBps,
        BigDecimal minTradeBase, BigDecimal maxTradeBase, boolean active, String status, String change,
        Instant updatedAt) {
}
