package io.otcrouter.quote.dex;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The constant-product model used offline and as Jupiter's fallback.
 *
 * @param depthUsdPerSide USD value of each reserve of every simulated pool without its own setting
 * @param feeBps          pool fee taken from the input, for pools without their own setting
 * @param pools           per-pair overrides, {@code PAIR=depthUsd[@feeBps]} separated by commas, e.g.
 *                        {@code SOL/USDC=50000000@25,USDC/USDT=100000000}; a pair's pool serves both directions
 */
@ConfigurationProperties("otc.simulated-dex")
public record SimulatedDexProperties(
        @DefaultValue("20000000") BigDecimal depthUsdPerSide,
        @DefaultValue("30") int feeBps,
        String pools) {

    @ConstructorBinding
    public SimulatedDexProperties {
    }

    public SimulatedDexProperties(BigDecimal depthUsdPerSide, int feeBps) {
        this(depthUsdPerSide, feeBps, null);
    }

    /** One simulated pool's settings. */
    public record PoolSettings(BigDecimal depthUsdPerSide, int feeBps) {

        public PoolSettings {
            if (depthUsdPerSide == null || depthUsdPerSide.signum() <= 0 || feeBps < 0 || feeBps >= 10_000) {
                throw new IllegalArgumentException("Invalid simulated pool: depth " + depthUsdPerSide + " USD, fee "
                        + feeBps + " bps");
            }
        }
    }

    public PoolSettings defaults() {
        return new PoolSettings(depthUsdPerSide, feeBps);
    }

    /** The per-pair overrides by pair key ({@code SOL/USDC}), each with the default fee unless it names one. */
    public Map<String, PoolSettings> poolsByPair() {
        Map<String, PoolSettings> byPair = new LinkedHashMap<>();
        if (pools == null || pools.isBlank()) {
            return byPair;
        }
        for (String entry : pools.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pairAndValue = entry.strip().split("=", 2);
            if (pairAndValue.length != 2 || !pairAndValue[0].contains("/")) {
                throw new IllegalArgumentException("Simulated pool setting must read PAIR=depthUsd[@feeBps]: "
                        + entry);
            }
            String[] depthAndFee = pairAndValue[1].strip().split("@", 2);
            int fee = depthAndFee.length == 2 ? Integer.parseInt(depthAndFee[1].strip()) : feeBps;
            byPair.put(pairAndValue[0].strip().toUpperCase(Locale.ROOT),
                    new PoolSettings(new BigDecimal(depthAndFee[0].strip()), fee));
        }
        return Map.copyOf(byPair);
    }
}
