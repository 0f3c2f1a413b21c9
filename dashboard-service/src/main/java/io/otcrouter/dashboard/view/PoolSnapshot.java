package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest state of one OTC pool, inventories in token units.
 *
 * @param baseInventoryPct base inventory left, in percent of the initial inventory (null if none was seeded)
 * @param change           what changed last: SEEDED, FILL, ADMIN
 */
public record PoolSnapshot(String poolId, String pair, String baseSymbol, String quoteSymbol,
        BigDecimal baseInventory, BigDecimal quoteInventory, BigDecimal baseInventoryPct, int spreadBps,
        boolean active, String change, Instant updatedAt) {
}
