package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/**
 * Decides where a trade goes. Candidates: everything to Jupiter, each pool alone, Jupiter plus each pool, and the
 * best splits across several pools with Jupiter and without, each optimised exactly ({@link SplitOptimizer}). They
 * are compared on output after the cost model. Every leg used must price within the band around the reference
 * ({@link PriceBand}): a pool at its quoted rate, Jupiter at its average price for the leg's size — so a DEX too
 * shallow for the whole trade can still take a smaller leg. Expired quotes, quotes for another size and pools that
 * refused are listed with the reason and not used. Everything-to-Jupiter, when within the band, is a candidate and
 * wins ties, so the decision is never worse than DEX-only.
 */
public class RouteSelector {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final RoutingPolicy policy;

    public RouteSelector(RoutingPolicy policy) {
        this.policy = policy;
    }

    public RoutingPolicy policy() {
        return policy;
    }

    /** Decides with the policy's cost model as it is. */
    public Decision decide(String tradeId, TradeIntent intent, VenueQuotes quotes, Optional<ReferenceRate> reference,
            Instant now) {
        return decide(tradeId, intent, quotes, reference, policy.costs(), now);
    }

    /** @param costs the policy's fees with this decision's network fee per leg in the output token */
    public Decision decide(String tradeId, TradeIntent intent, VenueQuotes quotes, Optional<ReferenceRate> reference,
            CostModel costs, Instant now) {
        SplitOptimizer optimizer = new SplitOptimizer(costs);
        PriceBand band = PriceBand.of(reference, policy);
        List<Candidate> candidates = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        band.caveat().ifPresent(notes::add);

        JupiterQuoted dex = quotedDex(quotes.dex(), candidates);
        DexOffer dexOffer = dex == null ? null : band.dexOffer(curveOf(dex), intent.amountIn()).orElse(null);
        if (dex != null) {
            Optional<String> fullSize = band.refusal(
                    dex.getOutAmount().divide(new BigDecimal(intent.amountIn()), DepthCurve.MATH));
            if (fullSize.isEmpty()) {
                options.add(dexOnly(intent, dex, costs));
            } else {
                String legs = dexOffer == null ? "; no leg size is within the band"
                        : "; legs of " + Units.of(intent.input(), dexOffer.minIn()) + " to "
                                + Units.of(intent.input(), dexOffer.maxIn()) + " " + intent.input().symbol()
                                + " are within it";
                candidates.add(Candidate.unavailable("DEX", Route.DEX, fullSize.get() + legs));
                notes.add("all to Jupiter is outside the price band");
            }
        }

        List<PoolOffer> offers = usableOffers(intent, quotes.pools(), band, now, candidates);
        if (quotes.pools().isEmpty()) {
            candidates.add(Candidate.unavailable("OTC", Route.OTC, "no pool answered before the deadline"));
        }
        List<Allocation> allocations = optimizer.optimise(intent.amountIn(), dexOffer, offers);
        for (PoolOffer offer : offers) {
            Optional<Allocation> alone = best(allocations, a -> !a.usesDex() && a.poolIn().size() == 1
                    && a.poolIn().containsKey(offer.poolId()));
            alone.ifPresentOrElse(a -> options.add(option(intent, dexOffer, offers, a)),
                    () -> candidates.add(Candidate.unavailable("OTC:" + offer.poolId(), Route.OTC, "takes "
                            + Units.of(intent.input(), offer.minIn()) + " to " + Units.of(intent.input(), offer.maxIn())
                            + " " + intent.input().symbol() + " of this trade: only part of a split")));
        }
        for (PoolOffer offer : offers) {
            best(allocations, a -> a.usesDex() && a.poolIn().size() == 1 && a.poolIn().containsKey(offer.poolId()))
                    .ifPresent(a -> addSplit(options, option(intent, dexOffer, offers, a)));
        }
        best(allocations, a -> a.usesDex() && a.poolIn().size() > 1)
                .ifPresent(a -> addSplit(options, option(intent, dexOffer, offers, a)));
        best(allocations, a -> !a.usesDex() && a.poolIn().size() > 1)
                .ifPresent(a -> addSplit(options, option(intent, dexOffer, offers, a)));
        options.forEach(option -> candidates.add(new Candidate(option.label(), option.route(), true,
                option.grossOut(), null)));

        Option best = null;
        for (Option option : options) {
            if (best == null || option.netOut().compareTo(best.netOut()) > 0) {
                best = option;
            }
        }
        BigInteger baseline = dex == null ? null : EventDecimals.toAtomic(dex.getOutAmount());
        Route originalRule = OriginalRule.choose(intent, quotes.dex());
        if (best == null) {
            String reason = "No venue can fill " + Units.of(intent.input(), intent.amountIn()) + " " + intent.pair();
            return new Decision(Route.REJECTED, List.of(), candidates, BigInteger.ZERO, null, quotes.dex(),
                    notes.isEmpty() ? reason : reason + " (" + String.join("; ", notes) + ")", originalRule);
        }
        dexEstimate(intent, dex, best).ifPresent(notes::add);
        List<Leg> legs = new ArrayList<>();
        for (Leg leg : best.legs()) {
            legs.add(new Leg(tradeId + "-" + (legs.size() + 1), leg.venue(), leg.poolId(), leg.quoteId(), leg.in(),
                    leg.expectedOut(), leg.minOut()));
        }
        return new Decision(best.route(), List.copyOf(legs), candidates, best.grossOut(), baseline, quotes.dex(),
                Reasons.explain(intent, best.route(), legs, baseline, notes), originalRule);
    }

    /**
     * Says when the chosen Jupiter figure is not Jupiter's quote for that size now: the quote itself was
     * interpolated from the cached depth curve (source CURVE, with the curve's age), or a split's Jupiter leg is read
     * off the depth curve rather than quoted for its own size.
     */
    private static Optional<String> dexEstimate(TradeIntent intent, JupiterQuoted dex, Option chosen) {
        Optional<Leg> dexLeg = chosen.legs().stream().filter(leg -> leg.venue() == Venue.DEX).findFirst();
        if (dex == null || dexLeg.isEmpty()) {
            return Optional.empty();
        }
        if (dex.getSource() == QuoteSource.CURVE) {
            return Optional.of("Jupiter's figures are estimates from its depth curve"
                    + (dex.getCurveAgeMs() == null ? "" : " observed " + dex.getCurveAgeMs() + " ms ago"));
        }
        if (!dexLeg.get().in().equals(intent.amountIn())) {
            return Optional.of("Jupiter's leg is estimated from its " + dex.getSource() + " depth curve, not quoted"
                    + " for its size");
        }
        return Optional.empty();
    }

    /** Jupiter's answer when it quoted; otherwise null, with the reason listed. */
    private static JupiterQuoted quotedDex(JupiterQuoted dex, List<Candidate> candidates) {
        if (dex == null) {
            candidates.add(Candidate.unavailable("DEX", Route.DEX, "Jupiter did not answer before the deadline"));
            return null;
        }
        if (dex.getStatus() != JupiterQuoteStatus.QUOTED || dex.getOutAmount() == null) {
            candidates.add(Candidate.unavailable("DEX", Route.DEX, dex.getStatus() + ": " + dex.getReason()));
            return null;
        }
        return dex;
    }

    /** The pools that may take a leg, best rate first, at most {@link SplitOptimizer#MAX_POOLS}. */
    private static List<PoolOffer> usableOffers(TradeIntent intent, List<PoolQuoted> pools, PriceBand band,
            Instant now, List<Candidate> candidates) {
        List<PoolOffer> offers = new ArrayList<>();
        for (PoolQuoted pool : pools) {
            usableOffer(intent, pool, band, now, candidates).ifPresent(offers::add);
        }
        offers.sort(Comparator.comparing(PoolOffer::rate).reversed());
        if (offers.size() <= SplitOptimizer.MAX_POOLS) {
            return offers;
        }
        offers.subList(SplitOptimizer.MAX_POOLS, offers.size()).forEach(offer -> candidates.add(Candidate.unavailable(
                "OTC:" + offer.poolId(), Route.OTC, "not weighed: only the " + SplitOptimizer.MAX_POOLS
                        + " best-priced pools are")));
        return List.copyOf(offers.subList(0, SplitOptimizer.MAX_POOLS));
    }

    private static Optional<PoolOffer> usableOffer(TradeIntent intent, PoolQuoted pool, PriceBand band, Instant now,
            List<Candidate> candidates) {
        String label = pool.getPoolId() == null ? "OTC" : "OTC:" + pool.getPoolId();
        String refusal = null;
        if (pool.getStatus() == PoolQuoteStatus.NO_POOL) {
            refusal = "no OTC pool serves " + intent.pair();
        } else if (pool.getStatus() != PoolQuoteStatus.QUOTED || pool.getOutAmount() == null) {
            refusal = pool.getReason();
        } else if (EventDecimals.toAtomic(pool.getInAmount()).compareTo(intent.amountIn()) > 0
                || pool.getInAmount().signum() <= 0 || pool.getOutAmount().signum() <= 0) {
            refusal = "quoted a size other than this trade's";
        } else if (pool.getExpiresAt() != null && !pool.getExpiresAt().isAfter(now)) {
            refusal = "firm quote expired at " + pool.getExpiresAt();
        }
        if (refusal == null) {
            refusal = band.refusal(pool.getOutAmount().divide(pool.getInAmount(), DepthCurve.MATH)).orElse(null);
        }
        if (refusal != null) {
            candidates.add(Candidate.unavailable(label, Route.OTC, refusal));
            return Optional.empty();
        }
        BigInteger quotedIn = EventDecimals.toAtomic(pool.getInAmount());
        BigInteger minIn = pool.getMinInAmount() == null ? BigInteger.ONE
                : EventDecimals.toAtomic(pool.getMinInAmount()).max(BigInteger.ONE);
        // The firm quote covers at most the size it was given for.
        BigInteger maxIn = pool.getMaxInAmount() == null ? quotedIn
                : EventDecimals.toAtomic(pool.getMaxInAmount()).min(quotedIn);
        if (minIn.compareTo(maxIn) > 0) {
            candidates.add(Candidate.unavailable(label, Route.OTC, "quoted a size outside its own limits"));
            return Optional.empty();
        }
        return Optional.of(new PoolOffer(pool.getPoolId(), pool.getQuoteId(), quotedIn,
                EventDecimals.toAtomic(pool.getOutAmount()), minIn, maxIn));
    }

    private static Option dexOnly(TradeIntent intent, JupiterQuoted dex, CostModel costs) {
        BigInteger out = EventDecimals.toAtomic(dex.getOutAmount());
        // Jupiter's own minimum at the requested slippage: used as it is, never recomputed.
        BigInteger minOut = dex.getOtherAmountThreshold() == null ? withSlippage(out, intent.slippageBps())
                : EventDecimals.toAtomic(dex.getOtherAmountThreshold());
        Leg leg = new Leg(null, Venue.DEX, null, null, intent.amountIn(), out, minOut);
        return new Option("DEX", Route.DEX, List.of(leg), costs.netDex(new BigDecimal(out)));
    }

    /** The legs of an allocation: Jupiter's first, then the pools best rate first. */
    private static Option option(TradeIntent intent, DexOffer dex, List<PoolOffer> offers, Allocation allocation) {
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
            return new Option("OTC:" + legs.get(0).poolId(), Route.OTC, legs, allocation.out());
        }
        return new Option("SPLIT " + String.join(" + ", parts), Route.SPLIT, legs, allocation.out());
    }

    /**
     * Lists a split only when it beats every listed option using some of its venues: a split that gives a venue
     * the least it may take and gains nothing by it (Jupiter 1 lamport, a pool its minimum) is not an alternative.
     */
    private static void addSplit(List<Option> options, Option split) {
        boolean dominated = options.stream().anyMatch(o -> split.venues().containsAll(o.venues())
                && o.netOut().compareTo(split.netOut()) >= 0);
        if (!dominated) {
            options.add(split);
        }
    }

    private static Optional<Allocation> best(List<Allocation> allocations, Predicate<Allocation> which) {
        return allocations.stream().filter(which).max(Comparator.comparing(Allocation::out));
    }

    private static DepthCurve curveOf(JupiterQuoted dex) {
        Map<BigInteger, BigInteger> points = new HashMap<>();
        for (DepthPoint point : dex.getDepthCurve()) {
            points.put(EventDecimals.toAtomic(point.getInAmount()), EventDecimals.toAtomic(point.getOutAmount()));
        }
        points.put(EventDecimals.toAtomic(dex.getInAmount()), EventDecimals.toAtomic(dex.getOutAmount()));
        return DepthCurve.through(points);
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

    private record Option(String label, Route route, List<Leg> legs, BigDecimal netOut) {

        BigInteger grossOut() {
            return legs.stream().map(Leg::expectedOut).reduce(BigInteger.ZERO, BigInteger::add);
        }

        /** "DEX" and the ids of the pools it uses. */
        java.util.Set<String> venues() {
            return legs.stream().map(leg -> leg.venue() == Venue.DEX ? "DEX" : leg.poolId())
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
