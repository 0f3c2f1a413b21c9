package io.otcrouter.router.config;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param quoteTimeout   how long the router waits for venues before deciding without the missing ones
 * @param maxAmountUnits the largest input accepted, in token units of the input token
 */
@ConfigurationProperties("otc.router")
public record RouterProperties(
        @DefaultValue("2s") Duration quoteTimeout,
        @DefaultValue("1000000000") BigDecimal maxAmountUnits) {
}
