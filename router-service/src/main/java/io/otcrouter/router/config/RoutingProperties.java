package io.otcrouter.router.config;

import java.math.BigInteger;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Costs and guard rails of the routing decision.
 *
 * @param dexFeeBps               extra fee on Jupiter legs beyond what Jupiter nets out
 * @param otcFeeBps               extra fee on OTC legs beyond the pool's spread
 * @param networkFeeLamports      Solana's base fee of one leg's transaction (5,000 lamports per signature)
 * @param priorityFeeLamports     the priority fee paid on each leg's transaction
 * @param priceBandBps            legs whose average rate is further than this from the reference rate are not used
 * @param untrustedReferenceBandBps the band instead when a reference price is STATIC or stale
 * @param maxPriceAge             a reference price observed longer ago than this is stale
 */
@ConfigurationProperties("otc.routing")
public record RoutingProperties(
        @DefaultValue("0") int dexFeeBps,
        @DefaultValue("0") int otcFeeBps,
        @DefaultValue("5000") BigInteger networkFeeLamports,
        @DefaultValue("50000") BigInteger priorityFeeLamports,
        @DefaultValue("1000") int priceBandBps,
        @DefaultValue("2500") int untrustedReferenceBandBps,
        @DefaultValue("15m") Duration maxPriceAge) {
}
