package io.otcrouter.price.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param refreshInterval pause between two refresh rounds (the first runs at start-up) */
@ConfigurationProperties("otc.prices")
public record PricingProperties(@DefaultValue("30s") Duration refreshInterval) {
}
