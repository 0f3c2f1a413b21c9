package io.otcrouter.router.routing;

/**
 * The router's guard rails and costs.
 *
 * @param costs         per-venue fees and the network fee per leg
 * @param priceBandBps  a quote whose rate is further than this from the reference rate is discarded
 */
public record RoutingPolicy(CostModel costs, int priceBandBps) {

    public static final RoutingPolicy DEFAULT = new RoutingPolicy(CostModel.FREE, 1_000);
}
