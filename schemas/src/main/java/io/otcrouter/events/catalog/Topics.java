package io.otcrouter.events.catalog;

import java.util.List;
import java.util.Optional;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;

/**
 * The catalog of every topic: the only place a topic name is written. Services refer to these constants,
 * never to string literals. One event type per topic, one writing service per topic.
 */
public final class Topics {

    /**
     * The topic names as compile-time constants, for annotations that cannot call {@link Topic#name()}
     * ({@code @KafkaListener(topics = Topics.Names.ROUTES_DECIDED)}). Each is the name of the {@link Topic}
     * constant of the same name, which is built from it.
     */
    public static final class Names {

        public static final String PRICES_UPDATED = "otc.prices.updated.v1";
        public static final String QUOTES_REQUESTED = "otc.quotes.requested.v1";
        public static final String JUPITER_QUOTED = "otc.jupiter.quoted.v1";
        public static final String POOLS_QUOTED = "otc.pools.quoted.v1";
        public static final String ROUTES_DECIDED = "otc.routes.decided.v1";
        public static final String JUPITER_EXECUTED = "otc.jupiter.executed.v1";
        public static final String POOLS_EXECUTED = "otc.pools.executed.v1";
        public static final String TRADES_SETTLED = "otc.trades.settled.v1";
        public static final String POOLS_CHANGED = "otc.pools.changed.v1";

        private Names() {
        }
    }

    static final long SEVEN_DAYS_MS = 7L * 24 * 60 * 60 * 1000;

    public static final Topic<PriceUpdated> PRICES_UPDATED = new Topic<>(
            Names.PRICES_UPDATED, "token symbol", PriceUpdated.class, "price-service", Optional.empty(), true);
    public static final Topic<QuoteRequested> QUOTES_REQUESTED = new Topic<>(
            Names.QUOTES_REQUESTED, "pair", QuoteRequested.class, "router-service", Optional.of(SEVEN_DAYS_MS),
            false);
    public static final Topic<JupiterQuoted> JUPITER_QUOTED = new Topic<>(
            Names.JUPITER_QUOTED, "pair", JupiterQuoted.class, "quote-service", Optional.of(SEVEN_DAYS_MS), false);
    public static final Topic<PoolQuoted> POOLS_QUOTED = new Topic<>(
            Names.POOLS_QUOTED, "pair", PoolQuoted.class, "otc-pool-service", Optional.of(SEVEN_DAYS_MS), false);
    public static final Topic<RouteDecided> ROUTES_DECIDED = new Topic<>(
            Names.ROUTES_DECIDED, "tradeId", RouteDecided.class, "router-service", Optional.empty(), false);
    public static final Topic<LegExecuted> JUPITER_EXECUTED = new Topic<>(
            Names.JUPITER_EXECUTED, "tradeId", LegExecuted.class, "quote-service", Optional.empty(), false);
    public static final Topic<LegExecuted> POOLS_EXECUTED = new Topic<>(
            Names.POOLS_EXECUTED, "tradeId", LegExecuted.class, "otc-pool-service", Optional.empty(), false);
    public static final Topic<TradeSettled> TRADES_SETTLED = new Topic<>(
            Names.TRADES_SETTLED, "tradeId", TradeSettled.class, "ledger-service", Optional.empty(), false);
    public static final Topic<PoolStateChanged> POOLS_CHANGED = new Topic<>(
            Names.POOLS_CHANGED, "poolId", PoolStateChanged.class, "otc-pool-service", Optional.empty(), true);

    public static final List<Topic<?>> ALL = List.of(PRICES_UPDATED, QUOTES_REQUESTED, JUPITER_QUOTED, POOLS_QUOTED,
            ROUTES_DECIDED, JUPITER_EXECUTED, POOLS_EXECUTED, TRADES_SETTLED, POOLS_CHANGED);

    private Topics() {
    }

    /** The topics a service writes, for its {@code NewTopic} beans. */
    public static List<Topic<?>> writtenBy(String service) {
        return ALL.stream().filter(topic -> topic.writer().equals(service)).toList();
    }
}
