package io.otcrouter.router.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param apiKeys         comma-separated keys accepted in {@code X-API-Key} on writes; empty: writes are open
 * @param requireApiKeys  refuse to start without keys (the docker profile sets it)
 * @param maxBodySize     largest request body accepted on writes; larger ones get 413
 * @param settleWait      how long {@code ?wait=settled} waits for the ledger's settlement
 * @param maxInFlight     trade submissions worked on at once; one more is refused with 503 (load shedding)
 */
@ConfigurationProperties("otc.router.api")
public record TradeApiProperties(
        @DefaultValue("") String apiKeys,
        @DefaultValue("false") boolean requireApiKeys,
        @DefaultValue("16KB") DataSize maxBodySize,
        @DefaultValue("10s") Duration settleWait,
        @DefaultValue("100") int maxInFlight) {

    public TradeApiProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("otc.router.api.max-in-flight must be at least 1, was " + maxInFlight);
        }
    }

    public List<String> apiKeyList() {
        return Arrays.stream(apiKeys.split(",")).map(String::trim).filter(key -> !key.isEmpty()).toList();
    }
}
