package io.otcrouter.quote.dex;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The constant-product model used offline and as Jupiter's fallback.
 *
 * @param depthUsdPerSide USD value of each reserve of every simulated pool
 * @param feeBps          pool fee taken from the input
 */
@ConfigurationProperties("otc.simulated-dex")
public record SimulatedDexProperties(
        @DefaultValue("20000000") BigDecimal depthUsdPerSide,
        @DefaultValue("30") int feeBps) {
}
