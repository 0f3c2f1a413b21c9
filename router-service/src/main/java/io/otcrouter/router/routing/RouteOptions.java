package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/**
 * The second step of a decision: the options worth weighing, built from the usable quotes and the optimiser's
 * allocations. Everything to Jupiter at its own quote; each pool alone; Jupiter plus each pool; the best splits
 * across several pools with Jupiter and without. A split is listed only when it beats every option using some of
 * its venues; a pool that can take only part of the trade is listed as unavailable with the sizes it takes.
 */
final class RouteOptions {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final TradeIntent intent;
    private final DexOffer dex;
    private final List<PoolOffer> offers;

    /** @param dex Jupiter as the optimiser may use it, null when it may not */
    RouteOptions(TradeIntent intent, DexOffer dex, List<PoolOffer> offers) {
        this.intent = intent;
        this.dex = dex;
        this.offers = offers;
    }

    /** Everything to Jupiter at its full-size quote, with Jupiter's own minimum output when it gave one. */
    static RouteOption dexOnly(TradeIntent intent, JupiterQuoted dex, CostModel costs) {
        BigInteger out = EventDecimals.toAtomic(dex.getOutAmount());
        // Jupiter's own minimum at the requested slippage: used as it is, never recomputed.
        BigInteger minOut = dex.getOtherAmountThreshold() == null ? withSlippage(out, intent.slippageBps())
                : EventDecimals.toAtomic(dex.getOtherAmountThreshold());
        Leg leg = new Leg(null, Venue.DEX, null, null, intent.amountIn(), out, minOut);
        return new RouteOption("DEX", Route.DEX, List.of(leg), costs.netDex(new BigDecimal(out)));
    }

    /** Adds to {@code options} the best allocation of each kind; a pool that cannot fill alone to {@code candidates}. */
    void addAll(List<Allocation> allocations, List<RouteOption> options, List<Candidate> candidates) {
        for (PoolOffer offer : offers) {
            Optional<Allocation> alone = best(allocations, a -> !a.usesDex() && a.poolIn().size() == 1
                    && a.poolIn().containsKey(offer.poolId()));
            alone.ifPresentOrElse(a -> options.add(option(a)),
                    () -> candidates.add(Candidate.unavailable("OTC:" + offer.poolId(), Route.OTC, "takes "
                            + Units.of(intent.input(), offer.minIn()) + " to " + Units.of(intent.input(), offer.maxIn())
                            + " " + intent.input().symbol() + " of this trade: only part of a split")));
        }
        for (PoolOffer offer : offers) {
            best(allocations, a -> a.usesDex() && a.poolIn().size() == 1 && a.poolIn().containsKey(offer.poolId()))
                    .ifPresent(a -> addSplit(options, option(a)));
        }
        best(allocations, a -> a.usesDex() && a.poolIn().size() > 1).ifPresent(a -> addSplit(options, option(a)));
        best(allocations, a -> !a.usesDex() && a.poolIn().size() > 1).ifPresent(a -> addSplit(options, option(a)));
    }

    /** The legs of an allocation: Jupiter's first, then the pools best rate first. */
    private RouteOption option(Allocation allocation) {
        List<Leg> legs = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (allocation.usesDex()) {
            BigInteger out = floor(dex.curve().outFor(new BigDecimal(allocation.dexIn())));
            legs.add(new Leg(null, Venue.DEX, null, null, allocation.dexIn(), out,
                    withSlippage(out, intent.slippageBps())));
            parts.add("DEX " + share(allocation.dexIn(), intent.amountIn()));
        }
        Map<String, PoolOffer> byId = new HashMap<>();
        offers.forEach(offer -> byId.put(offer.poolId(), offer));
        allocation.poolIn().forEach((poolId, in) -> {
            PoolOffer offer = byId.get(poolId);
            BigInteger out = offer.legOut(in);
            legs.add(new Leg(null, Venue.OTC, poolId, offer.quoteId(), in, out, withSlippage(out, intent.slippageBps())));
            parts.add("OTC:" + poolId + " " + share(in, intent.amountIn()));
        });
        if (legs.size() == 1) {
            return new RouteOption("OTC:" + legs.get(0).poolId(), Route.OTC, legs, allocation.out());
        }
        return new RouteOption("SPLIT " + String.join(" + ", parts), Route.SPLIT, legs, allocation.out());
    }

    /**
     * Lists a split only when it beats every listed option using some of its venues: a split that gives a venue
     * the least it may take and gains nothing by it (Jupiter 1 lamport, a pool its minimum) is not an alternative.
     */
    private static void addSplit(List<RouteOption> options, RouteOption split) {
        boolean dominated = options.stream().anyMatch(o -> split.venues().containsAll(o.venues())
                && o.netOut().compareTo(split.netOut()) >= 0);
        if (!dominated) {
            options.add(split);
        }
    }

    private static Optional<Allocation> best(List<Allocation> allocations, Predicate<Allocation> which) {
        return allocations.stream().filter(which).max(Comparator.comparing(Allocation::out));
    }

    private static String share(BigInteger part, BigInteger whole) {
        return new BigDecimal(part).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(whole), 1,
                RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static BigInteger floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    private static BigInteger withSlippage(BigInteger out, int slippageBps) {
        return out.multiply(BPS.subtract(BigInteger.valueOf(slippageBps))).divide(BPS);
    }
}
