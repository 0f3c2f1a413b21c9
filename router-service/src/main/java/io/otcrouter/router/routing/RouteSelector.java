package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/**
 * Decides where a trade goes. Candidates: everything to Jupiter, each pool alone, Jupiter plus one pool, and
 * Jupiter plus every pool, each split optimised against Jupiter's depth curve ({@link SplitOptimizer}). They are
 * compared on output after the cost model; quotes too far from the reference rate, expired or from a pool that
 * cannot take the size are listed with the reason and not used. Everything-to-Jupiter is a candidate and wins
 * ties, so when Jupiter can quote the decision is never worse than DEX-only.
 */
public class RouteSelector {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final RoutingPolicy policy;
    private final SplitOptimizer optimizer;

    public RouteSelector(RoutingPolicy policy) {
        this.policy = policy;
        this.optimizer = new SplitOptimizer(policy.costs());
    }

    public Decision decide(String tradeId, TradeIntent intent, VenueQuotes quotes, Optional<BigDecimal> referenceRate,
            Instant now) {
        List<Candidate> candidates = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        Map<String, PoolQuoted> quoteByPool = new HashMap<>();
        JupiterQuoted dex = usableDex(intent, quotes.dex(), referenceRate, candidates);
        if (dex != null) {
            options.add(dexOnly(intent, dex));
        }
        List<PoolOffer> offers = new ArrayList<>();
        for (PoolQuoted pool : quotes.pools()) {
            usableOffer(intent, pool, referenceRate, now, candidates).ifPresent(offer -> {
                offers.add(offer);
                quoteByPool.put(offer.poolId(), pool);
                if (offer.accepts(intent.amountIn())) {
                    options.add(poolOnly(intent, offer, pool));
                }
            });
        }
        if (quotes.pools().isEmpty()) {
            candidates.add(Candidate.unavailable("OTC", Route.OTC, "no pool answered before the deadline"));
        }
        if (dex != null && !offers.isEmpty()) {
            DepthCurve curve = curveOf(dex);
            offers.forEach(offer -> split(intent, curve, List.of(offer)).ifPresent(options::add));
            if (offers.size() > 1) {
                split(intent, curve, offers).ifPresent(options::add);
            }
        }
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
            return new Decision(Route.REJECTED, List.of(), candidates, BigInteger.ZERO, null, quotes.dex(),
                    "No venue can fill " + Units.of(intent.input(), intent.amountIn()) + " " + intent.pair(),
                    originalRule);
        }
        List<Leg> legs = new ArrayList<>();
        for (Leg leg : best.legs()) {
            legs.add(new Leg(tradeId + "-" + (legs.size() + 1), leg.venue(), leg.poolId(), leg.quoteId(), leg.in(),
                    leg.expectedOut(), leg.minOut()));
        }
        return new Decision(best.route(), List.copyOf(legs), candidates, best.grossOut(), baseline, quotes.dex(),
                Reasons.explain(intent, best.route(), legs, baseline), originalRule);
    }

    private JupiterQuoted usableDex(TradeIntent intent, JupiterQuoted dex, Optional<BigDecimal> referenceRate,
            List<Candidate> candidates) {
        if (dex == null) {
            candidates.add(Candidate.unavailable("DEX", Route.DEX, "Jupiter did not answer before the deadline"));
            return null;
        }
        if (dex.getStatus() != JupiterQuoteStatus.QUOTED || dex.getOutAmount() == null) {
            candidates.add(Candidate.unavailable("DEX", Route.DEX, dex.getStatus() + ": " + dex.getReason()));
            return null;
        }
        BigDecimal rate = dex.getOutAmount().divide(new BigDecimal(intent.amountIn()), DepthCurve.MATH);
        Optional<String> outOfBand = outOfBand(rate, referenceRate);
        if (outOfBand.isPresent()) {
            candidates.add(Candidate.unavailable("DEX", Route.DEX, outOfBand.get()));
            return null;
        }
        return dex;
    }

    private Optional<PoolOffer> usableOffer(TradeIntent intent, PoolQuoted pool, Optional<BigDecimal> referenceRate,
            Instant now, List<Candidate> candidates) {
        String label = pool.getPoolId() == null ? "OTC" : "OTC:" + pool.getPoolId();
        String refusal = null;
        if (pool.getStatus() == PoolQuoteStatus.NO_POOL) {
            refusal = "no OTC pool serves " + intent.pair();
        } else if (pool.getStatus() != PoolQuoteStatus.QUOTED || pool.getOutAmount() == null) {
            refusal = pool.getReason();
        } else if (EventDecimals.toAtomic(pool.getInAmount()).compareTo(intent.amountIn()) > 0
                || pool.getInAmount().signum() <= 0) {
            refusal = "quoted a size other than this trade's";
        } else if (pool.getExpiresAt() != null && !pool.getExpiresAt().isAfter(now)) {
            refusal = "firm quote expired at " + pool.getExpiresAt();
        }
        if (refusal != null) {
            candidates.add(Candidate.unavailable(label, Route.OTC, refusal));
            return Optional.empty();
        }
        BigInteger quotedIn = EventDecimals.toAtomic(pool.getInAmount());
        BigDecimal rate = pool.getOutAmount().divide(new BigDecimal(quotedIn), DepthCurve.MATH);
        Optional<String> outOfBand = outOfBand(rate, referenceRate);
        if (outOfBand.isPresent()) {
            candidates.add(Candidate.unavailable(label, Route.OTC, outOfBand.get()));
            return Optional.empty();
        }
        BigInteger minIn = pool.getMinInAmount() == null ? BigInteger.ONE : EventDecimals.toAtomic(pool.getMinInAmount());
        // The firm quote covers at most the size it was given for.
        BigInteger maxIn = pool.getMaxInAmount() == null ? quotedIn
                : EventDecimals.toAtomic(pool.getMaxInAmount()).min(quotedIn);
        return Optional.of(new PoolOffer(pool.getPoolId(), pool.getQuoteId(), rate, minIn, maxIn));
    }

    private Optional<String> outOfBand(BigDecimal rate, Optional<BigDecimal> referenceRate) {
        if (referenceRate.isEmpty() || referenceRate.get().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal deviationBps = rate.divide(referenceRate.get(), DepthCurve.MATH).subtract(BigDecimal.ONE).abs()
                .multiply(BigDecimal.valueOf(10_000));
        if (deviationBps.compareTo(BigDecimal.valueOf(policy.priceBandBps())) <= 0) {
            return Optional.empty();
        }
        return Optional.of("price " + deviationBps.setScale(0, RoundingMode.HALF_UP) + " bps from the reference,"
                + " band is " + policy.priceBandBps() + " bps");
    }

    private Option dexOnly(TradeIntent intent, JupiterQuoted dex) {
        BigInteger out = EventDecimals.toAtomic(dex.getOutAmount());
        // Jupiter's own minimum at the requested slippage: used as it is, never recomputed.
        BigInteger minOut = dex.getOtherAmountThreshold() == null ? withSlippage(out, intent.slippageBps())
                : EventDecimals.toAtomic(dex.getOtherAmountThreshold());
        Leg leg = new Leg(null, Venue.DEX, null, null, intent.amountIn(), out, minOut);
        return new Option("DEX", Route.DEX, List.of(leg), policy.costs().netDex(new BigDecimal(out)));
    }

    private Option poolOnly(TradeIntent intent, PoolOffer offer, PoolQuoted quote) {
        BigInteger out = EventDecimals.toAtomic(quote.getInAmount()).equals(intent.amountIn())
                ? EventDecimals.toAtomic(quote.getOutAmount())
                : floor(offer.outFor(new BigDecimal(intent.amountIn())));
        Leg leg = new Leg(null, Venue.OTC, offer.poolId(), offer.quoteId(), intent.amountIn(), out,
                withSlippage(out, intent.slippageBps()));
        return new Option("OTC:" + offer.poolId(), Route.OTC, List.of(leg), policy.costs().netOtc(new BigDecimal(out)));
    }

    /** A genuine split (Jupiter and at least one pool both get something), or empty. */
    private Optional<Option> split(TradeIntent intent, DepthCurve curve, List<PoolOffer> offers) {
        Allocation allocation = optimizer.optimise(intent.amountIn(), curve, offers);
        if (allocation.dexIn().signum() <= 0 || allocation.dexIn().equals(intent.amountIn())) {
            return Optional.empty();
        }
        List<Leg> legs = new ArrayList<>();
        BigInteger dexOut = floor(curve.outFor(new BigDecimal(allocation.dexIn())));
        legs.add(new Leg(null, Venue.DEX, null, null, allocation.dexIn(), dexOut,
                withSlippage(dexOut, intent.slippageBps())));
        StringBuilder label = new StringBuilder("SPLIT DEX ").append(share(allocation.dexIn(), intent.amountIn()));
        for (PoolOffer offer : offers) {
            BigInteger in = allocation.poolIn().get(offer.poolId());
            if (in.signum() > 0) {
                BigInteger out = floor(offer.outFor(new BigDecimal(in)));
                legs.add(new Leg(null, Venue.OTC, offer.poolId(), offer.quoteId(), in, out,
                        withSlippage(out, intent.slippageBps())));
                label.append(" + OTC:").append(offer.poolId()).append(' ').append(share(in, intent.amountIn()));
            }
        }
        if (legs.size() - 1 < offers.size() && offers.size() > 1) {
            return Optional.empty(); // not every pool was used: the same split is already a one-pool candidate
        }
        return Optional.of(new Option(label.toString(), Route.SPLIT, legs, allocation.out()));
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
    }
}
