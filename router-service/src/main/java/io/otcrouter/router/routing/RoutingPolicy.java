package io.otcrouter.router.routing;

/**
 * The router's guard rails and costs.
 *
 * @param costs                      per-venue fees (its network fee is replaced by each decision's)
 * @param networkFeeLamportsPerLeg   Solana's base and priority fee of one leg's transaction, in lamports
 * @param priceBandBps               a leg whose average rate is further than this from a live reference rate is not
 *                                   used
 * @param untrustedReferenceBandBps  the band when the reference is STATIC or stale: wider, as such a reference may
 *                                   be far from the market
 */
public record RoutingPolicy(CostModel costs, java.math.BigInteger networkFeeLamportsPerLeg, int priceBandBps,
        int untrustedReferenceBandBps) {

    /** No costs: what unit tests of the routing rules use. */
    public static final RoutingPolicy DEFAULT = new RoutingPolicy(CostModel.FREE, java.math.BigInteger.ZERO, 1_000,
            2_500);
}
