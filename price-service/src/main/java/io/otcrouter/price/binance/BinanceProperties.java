package io.otcrouter.price.binance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.otcrouter.price.pricing.SourceEndpoint;

/**
 * Where and how to call Binance's public market data.
 *
 * @param baseUrl        API host, e.g. https://api.binance.com or https://data-api.binance.vision (same market
 *                       data, and not geo-blocked with 451 from many cloud hosts); /api/v3/... is appended
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    response timeout, per request (one request per token)
 */
@ConfigurationProperties("otc.binance")
public record BinanceProperties(
        @DefaultValue("https://api.binance.com") String baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) implements SourceEndpoint {
}
