package io.otcrouter.router.routing;

/**
 * The router's guard rails and costs.
 *
 * @param costs                      per-venue fees and the network fee per leg
 * @param priceBandBps               a leg whose average rate is further than this from a live reference rate is not
 *                                   used
 * @param untrustedReferenceBandBps  the band when the reference is STATIC or stale: wider, as such a reference may
 *                                   be far from the market
 */
public record RoutingPolicy(CostModel costs, int priceBandBps, int untrustedReferenceBandBps) {

    public static final RoutingPolicy DEFAULT = new RoutingPolicy(CostModel.FREE, 1_000, 2_500);
}
