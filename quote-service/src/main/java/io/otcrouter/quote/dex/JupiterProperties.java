package io.otcrouter.quote.dex;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Jupiter Swap API settings ({@code JUPITER_BASE_URL}, {@code JUPITER_API_KEY}, {@code JUPITER_MODE}).
 *
 * @param apiKey sent as {@code x-api-key} when not blank (keyless: 0.5 req/s, with a key: 1 req/s and up)
 */
@ConfigurationProperties("otc.jupiter")
public record JupiterProperties(
        @DefaultValue("https://api.jup.ag/swap/v1") String baseUrl,
        String apiKey,
        @DefaultValue("auto") JupiterMode mode,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout) {

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
