package io.otcrouter.price.kraken;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.otcrouter.price.pricing.SourceEndpoint;

/**
 * Where and how to call Kraken's public REST API (no key needed for the ticker).
 *
 * @param baseUrl        API host, e.g. https://api.kraken.com (the path /0/public/Ticker is appended)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    response timeout
 */
@ConfigurationProperties("otc.kraken")
public record KrakenProperties(
        @DefaultValue("https://api.kraken.com") String baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) implements SourceEndpoint {
}
