package io.otcrouter.otcpool.config;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.otcrouter.otcpool.pricing.SpreadPolicy;

/**
 * Service-wide pool behaviour ({@code otc.pools.*}); each pool's own terms are data in the database.
 *
 * @param allowStalePrices        quote on STATIC or stale reference prices (offline demo); false refuses them
 * @param maxPriceAge             a reference price observed longer ago than this is stale
 * @param skewMaxBps              inventory skew at full imbalance (see SpreadCalculator)
 * @param volatilityBpsPerPct     spread added per percent of 24 h change
 * @param volatilityCapBps        most the volatility add-on adds
 * @param noiseMaxBps             simulation knob: random extra spread up to this (0 = none)
 * @param maxSpreadBps            cap of the total spread
 * @param reservationSweepInterval how often expired firm quotes release their inventory
 * @param executionThreads        threads completing fills after their simulated delay
 * @param executionRecoveryInterval how often fills left PENDING (e.g. by a crash) are looked for and completed
 * @param decisionClockTolerance  how far the router's clock may be behind this service's: a decision time earlier
 *                                than its quote's creation by more is not believed (see QuoteAcceptance)
 * @param decisionWatermarkSlack  how long before the decision topic's read-through time the sweep stops releasing
 *                                expired quotes: more than a decision may take from being made to being in the
 *                                topic (the router waits up to 5 s for its database in between) and than the
 *                                clocks of the router's instances differ
 * @param decisionProgressInterval how often the decision consumer checks how far it has read (one end-offsets
 *                                request to the broker) and the sweep records it
 */
@ConfigurationProperties(prefix = "otc.pools")
public record PoolProperties(@DefaultValue("false") boolean allowStalePrices,
        @DefaultValue("15m") Duration maxPriceAge, @DefaultValue("20") int skewMaxBps,
        @DefaultValue("2") BigDecimal volatilityBpsPerPct, @DefaultValue("50") int volatilityCapBps,
        @DefaultValue("0") int noiseMaxBps, @DefaultValue("1000") int maxSpreadBps,
        @DefaultValue("1s") Duration reservationSweepInterval, @DefaultValue("4") int executionThreads,
        @DefaultValue("1s") Duration executionRecoveryInterval, @DefaultValue("2s") Duration decisionClockTolerance,
        @DefaultValue("6s") Duration decisionWatermarkSlack, @DefaultValue("1s") Duration decisionProgressInterval) {

    public SpreadPolicy spreadPolicy() {
        return new SpreadPolicy(skewMaxBps, volatilityBpsPerPct, volatilityCapBps, noiseMaxBps, maxSpreadBps);
    }
}
