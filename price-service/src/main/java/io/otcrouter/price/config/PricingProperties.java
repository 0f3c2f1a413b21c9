package io.otcrouter.price.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.otcrouter.events.PriceSource;

/**
 * @param refreshInterval   pause between two refresh rounds (the first runs at start-up)
 * @param cacheTtl          how long a live price is used without asking any source again; past it a price that
 *                          could not be renewed is served marked stale
 * @param heartbeatInterval every token's price is published at least this often, changed or not
 * @param sources           the live sources in failover order (STATIC is always the last resort); leave one out
 *                          to never call it, e.g. COINGECKO alone for an offline demo
 */
@ConfigurationProperties("otc.prices")
public record PricingProperties(
        @DefaultValue("30s") Duration refreshInterval,
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("60s") Duration heartbeatInterval,
        @DefaultValue({ "COINGECKO", "KRAKEN", "BINANCE" }) List<PriceSource> sources) {
}
