package io.otcrouter.otcpool.metrics;

import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.otcrouter.otcpool.pool.PoolInventory;
import io.otcrouter.otcpool.pool.PoolRepository;

/**
 * Publishes each pool's available inventory (held by no firm quote) per side, in token units, as of the last
 * refresh. Read from the database on a schedule rather than on scrape: reservations move it without any event,
 * and a scrape must not wait for the database. Pools created later appear at the next refresh.
 */
@Component
class InventoryGauge {

    static final String AVAILABLE = "otc.pool.inventory.available";

    private static final Logger log = LoggerFactory.getLogger(InventoryGauge.class);

    private final PoolRepository pools;
    private final MultiGauge available;

    InventoryGauge(PoolRepository pools, MeterRegistry registry) {
        this.pools = pools;
        this.available = MultiGauge.builder(AVAILABLE)
                .description("Pool inventory not held by firm quotes, in token units, as of the last refresh")
                .register(registry);
    }

    @Scheduled(fixedDelay = 5_000)
    void refresh() {
        try {
            List<PoolInventory> inventories = pools.findAllInventories();
            available.register(inventories.stream()
                    .flatMap(p -> Stream.of(
                            MultiGauge.Row.of(Tags.of("pool", p.poolId(), "side", "base"), p.availableBaseUnits()),
                            MultiGauge.Row.of(Tags.of("pool", p.poolId(), "side", "quote"),
                                    p.availableQuoteUnits())))
                    .toList(), true);
        } catch (DataAccessException e) {
            log.warn("Pool inventory gauge not refreshed; it keeps its last values: {}", e.getMessage());
        }
    }
}
