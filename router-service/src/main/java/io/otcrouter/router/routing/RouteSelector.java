package io.otcrouter.router.routing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.Route;

/**
 * Decides where a trade goes. Candidates: everything to Jupiter, each pool alone, Jupiter plus each pool, and the
 * best splits across several pools with Jupiter and without, each optimised exactly ({@link SplitOptimizer}). They
 * are compared on output after the cost model. Every leg used must price within the band around the reference
 * ({@link PriceBand}): a pool at its size tier's rate, Jupiter at its average price for the leg's size — so a DEX too
 * shallow for the whole trade can still take a smaller leg. Expired quotes, quotes for another size and pools that
 * refused are listed with the reason and not used. Everything-to-Jupiter, when within the band, is a candidate and
 * wins ties, so the decision is never worse than DEX-only.
 *
 * <p>The steps: {@link QuoteScreen} sorts the quotes into usable and not, {@link RouteOptions} builds the options
 * from the optimiser's allocations, this class chooses, and {@link Reasons} explains the choice.
 */
public class RouteSelector {

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
        PriceBand band = PriceBand.of(reference, policy);
        List<Candidate> candidates = new ArrayList<>();
        List<RouteOption> options = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        band.caveat().ifPresent(notes::add);

        JupiterQuoted dex = QuoteScreen.quotedDex(quotes.dex(), candidates);
        DexOffer dexOffer = dex == null ? null
                : band.dexOffer(QuoteScreen.curveOf(dex), intent.amountIn()).orElse(null);
        if (dex != null) {
            QuoteScreen.fullSizeRefusal(intent, dex, dexOffer, band).ifPresentOrElse(refusal -> {
                candidates.add(Candidate.unavailable("DEX", Route.DEX, refusal));
                notes.add("all to Jupiter is outside the price band");
            }, () -> options.add(RouteOptions.dexOnly(intent, dex, costs)));
        }
        List<PoolOffer> offers = QuoteScreen.usableOffers(intent, quotes.pools(), band, now, candidates);
        if (quotes.pools().isEmpty()) {
            candidates.add(Candidate.unavailable("OTC", Route.OTC, "no pool answered before the deadline"));
        }
        List<List<PoolPiece>> pieces = offers.stream().map(offer -> offer.pieces(band::admits)).toList();
        List<Allocation> allocations = new SplitOptimizer(costs).optimisePieces(intent.amountIn(), dexOffer, pieces);
        new RouteOptions(intent, dexOffer, offers).addAll(allocations, options, candidates);
        options.forEach(option -> candidates.add(new Candidate(option.label(), option.route(), true,
                option.grossOut(), null, option.netOfLegs(costs))));

        BigInteger baseline = dex == null ? null : EventDecimals.toAtomic(dex.getOutAmount());
        Route originalRule = OriginalRule.choose(intent, quotes.dex());
        Optional<RouteOption> best = best(options);
        if (best.isEmpty()) {
            String reason = "No venue can fill " + Units.of(intent.input(), intent.amountIn()) + " " + intent.pair();
            return new Decision(Route.REJECTED, List.of(), candidates, BigInteger.ZERO, null, quotes.dex(),
                    notes.isEmpty() ? reason : reason + " (" + String.join("; ", notes) + ")", originalRule,
                    costs.networkFeePerLegOut());
        }
        Reasons.dexEstimate(intent, dex, best.get().legs()).ifPresent(notes::add);
        List<Leg> legs = numbered(tradeId, best.get().legs());
        return new Decision(best.get().route(), legs, candidates, best.get().grossOut(), baseline, quotes.dex(),
                Reasons.explain(intent, best.get().route(), legs, baseline, notes), originalRule,
                costs.networkFeePerLegOut());
    }

    /** The option with the most output after costs; of equals the first listed, so all to Jupiter wins ties. */
    private static Optional<RouteOption> best(List<RouteOption> options) {
        RouteOption best = null;
        for (RouteOption option : options) {
            if (best == null || option.netOut().compareTo(best.netOut()) > 0) {
                best = option;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The chosen legs with their ids: the trade id, a dash, and the leg's place from 1. */
    private static List<Leg> numbered(String tradeId, List<Leg> chosen) {
        List<Leg> legs = new ArrayList<>();
        for (Leg leg : chosen) {
            legs.add(new Leg(tradeId + "-" + (legs.size() + 1), leg.venue(), leg.poolId(), leg.quoteId(), leg.in(),
                    leg.expectedOut(), leg.minOut()));
        }
        return List.copyOf(legs);
    }
}
