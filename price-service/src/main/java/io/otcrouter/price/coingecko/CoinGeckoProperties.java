package io.otcrouter.price.coingecko;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.otcrouter.price.pricing.SourceEndpoint;

/**
 * Where and how to call CoinGecko.
 *
 * @param baseUrl        API root, e.g. https://api.coingecko.com/api/v3, or https://pro-api.coingecko.com/api/v3
 *                       for a paid key
 * @param apiKey         optional API key, sent as {@code x-cg-demo-api-key} (or {@code x-cg-pro-api-key} with
 *                       the pro base URL); blank means keyless
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    response timeout; a slow CoinGecko must not delay the round much
 */
@ConfigurationProperties("otc.coingecko")
public record CoinGeckoProperties(
        @DefaultValue("https://api.coingecko.com/api/v3") String baseUrl,
        String apiKey,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) implements SourceEndpoint {

    /** Paid plans use a different host and header; the host tells which plan the key belongs to. */
    public boolean isPro() {
        return baseUrl.contains("pro-api.coingecko.com");
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
