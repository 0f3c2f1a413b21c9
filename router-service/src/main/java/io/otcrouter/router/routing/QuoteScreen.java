package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoteTier;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.Route;

/**
 * The first step of a decision: which venue answers may take a leg of this trade. A quote that may not (no answer,
 * a refusal, another size, expired, outside the price band) is listed as an unavailable {@link Candidate} with the
 * reason, so the decision explains what it did not use.
 */
final class QuoteScreen {

    private QuoteScreen() {
    }

    /** Jupiter's answer when it quoted; otherwise null, with the reason listed. */
    static JupiterQuoted quotedDex(JupiterQuoted dex, List<Candidate> candidates) {
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

    /**
     * Why all to Jupiter may not be used — its full-size price is outside the band — with the leg sizes that are
     * within it, if any ({@code dexOffer} null when none); empty when it may.
     */
    static Optional<String> fullSizeRefusal(TradeIntent intent, JupiterQuoted dex, DexOffer dexOffer,
            PriceBand band) {
        return band.refusal(dex.getOutAmount().divide(new BigDecimal(intent.amountIn()), DepthCurve.MATH))
                .map(refusal -> refusal + (dexOffer == null ? "; no leg size is within the band"
                        : "; legs of " + Units.of(intent.input(), dexOffer.minIn()) + " to "
                                + Units.of(intent.input(), dexOffer.maxIn()) + " " + intent.input().symbol()
                                + " are within it"));
    }

    /** Jupiter's depth curve through its sampled points and the full-size quote itself. */
    static DepthCurve curveOf(JupiterQuoted dex) {
        Map<BigInteger, BigInteger> points = new HashMap<>();
        for (DepthPoint point : dex.getDepthCurve()) {
            points.put(EventDecimals.toAtomic(point.getInAmount()), EventDecimals.toAtomic(point.getOutAmount()));
        }
        points.put(EventDecimals.toAtomic(dex.getInAmount()), EventDecimals.toAtomic(dex.getOutAmount()));
        return DepthCurve.through(points);
    }

    /**
     * The pools that may take a leg, best rate first: as many as the optimiser weighs ({@link
     * SplitOptimizer#MAX_CHOICES} ways to use them, counting each pool's tiers within the band); the rest are listed
     * as not weighed.
     */
    static List<PoolOffer> usableOffers(TradeIntent intent, List<PoolQuoted> pools, PriceBand band, Instant now,
            List<Candidate> candidates) {
        List<PoolOffer> offers = new ArrayList<>();
        for (PoolQuoted pool : pools) {
            usableOffer(intent, pool, band, now, candidates).ifPresent(offers::add);
        }
        offers.sort(Comparator.comparing(PoolOffer::rate).reversed());
        List<PoolOffer> weighed = new ArrayList<>();
        List<List<PoolPiece>> pieces = new ArrayList<>();
        for (PoolOffer offer : offers) {
            pieces.add(offer.pieces(band::admits));
            if (SplitOptimizer.choices(pieces) <= SplitOptimizer.MAX_CHOICES) {
                weighed.add(offer);
            } else {
                pieces.remove(pieces.size() - 1);
                candidates.add(Candidate.unavailable("OTC:" + offer.poolId(), Route.OTC, "not weighed: the "
                        + weighed.size() + " best-priced pools and their size tiers are as many as the router weighs"));
            }
        }
        return List.copyOf(weighed);
    }

    private static Optional<PoolOffer> usableOffer(TradeIntent intent, PoolQuoted pool, PriceBand band, Instant now,
            List<Candidate> candidates) {
        String label = pool.getPoolId() == null ? "OTC" : "OTC:" + pool.getPoolId();
        String refusal = refusal(intent, pool, now);
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
        BigInteger quotedOut = EventDecimals.toAtomic(pool.getOutAmount());
        Optional<List<PoolOffer.Tier>> tiers = tiers(pool, quotedIn, quotedOut);
        if (tiers.isEmpty()) {
            candidates.add(Candidate.unavailable(label, Route.OTC, "its size tiers do not end at the quoted size"));
            return Optional.empty();
        }
        PoolOffer offer = new PoolOffer(pool.getPoolId(), pool.getQuoteId(), quotedIn, quotedOut, minIn, maxIn,
                tiers.get());
        if (offer.pieces(band::admits).isEmpty()) {
            candidates.add(Candidate.unavailable(label, Route.OTC, band.refusal(offer.rate())
                    .orElse("no size tier it takes is within the price band")));
            return Optional.empty();
        }
        return Optional.of(offer);
    }

    /**
     * The quote's tier schedule: as published (PoolQuoted v3), or — a quote without one — its own price for every
     * leg. Empty when the schedule is not in order or does not end with the quote itself, so it cannot be trusted.
     */
    private static Optional<List<PoolOffer.Tier>> tiers(PoolQuoted pool, BigInteger quotedIn, BigInteger quotedOut) {
        if (pool.getTiers() == null || pool.getTiers().isEmpty()) {
            return Optional.of(List.of(new PoolOffer.Tier(BigInteger.ONE, quotedIn, quotedOut)));
        }
        List<PoolOffer.Tier> tiers = new ArrayList<>();
        for (PoolQuoteTier tier : pool.getTiers()) {
            PoolOffer.Tier parsed = new PoolOffer.Tier(EventDecimals.toAtomic(tier.getMinInAmount()),
                    EventDecimals.toAtomic(tier.getInAmount()), EventDecimals.toAtomic(tier.getOutAmount()));
            boolean ordered = tiers.isEmpty() || parsed.minIn().compareTo(tiers.get(tiers.size() - 1).in()) > 0;
            if (!ordered || parsed.in().compareTo(parsed.minIn()) < 0 || parsed.out().signum() <= 0) {
                return Optional.empty();
            }
            tiers.add(parsed);
        }
        PoolOffer.Tier own = tiers.get(tiers.size() - 1);
        return own.in().equals(quotedIn) && own.out().equals(quotedOut) ? Optional.of(tiers) : Optional.empty();
    }

    /** Why a pool's answer may not take a leg, or null when it may. */
    private static String refusal(TradeIntent intent, PoolQuoted pool, Instant now) {
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
        return refusal; // the band is applied to each tier's price: see usableOffer
    }
}
