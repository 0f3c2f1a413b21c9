package io.otcrouter.dashboard.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the read model is kept per trade, and how often it is snapshotted.
 *
 * @param recentTrades     settled trades (and as many decisions) kept with their details for the trade table and
 *                         the trade detail page ({@code DASHBOARD_RECENT_TRADES}); the aggregates cover every trade
 *                         whatever this is. It is also how many trade ids per partition the duplicate check
 *                         remembers: a copy of a settlement is recognised while fewer settlements than this were
 *                         written to its partition after the original, so keep it above what a partition receives
 *                         during the longest ledger restart
 * @param snapshotInterval how often the aggregates and their offsets are written to the snapshot topic
 *                         ({@code DASHBOARD_SNAPSHOT_INTERVAL}); a restart reads again what came after the last one
 * @param snapshotTopic    the compacted topic the snapshots go to, private to dashboard-service
 */
@ConfigurationProperties(prefix = "otc.dashboard.read-model")
public record ReadModelProperties(@DefaultValue("10000") int recentTrades, @DefaultValue("60s") Duration snapshotInterval,
        @DefaultValue("dashboard-service.read-model.snapshots") String snapshotTopic) {

    public ReadModelProperties {
        if (recentTrades < 1) {
            throw new IllegalArgumentException("otc.dashboard.read-model.recent-trades must be at least 1: "
                    + recentTrades);
        }
        if (snapshotInterval.isNegative() || snapshotInterval.isZero()) {
            throw new IllegalArgumentException("otc.dashboard.read-model.snapshot-interval must be positive: "
                    + snapshotInterval);
        }
    }
}
