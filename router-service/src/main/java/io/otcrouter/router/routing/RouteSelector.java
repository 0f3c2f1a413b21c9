package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/**
 * Decides where a trade goes: the venue that returns the most output for the whole size, compared net of
 * every cost (Jupiter's {@code outAmount} is net of AMM fees, a pool's output net of its spread). Sending
 * everything to Jupiter is always a candidate, so the decision is never worse than DEX-only when Jupiter
 * can quote. Splits across venues come with the router issue; this picks one venue.
 */
public class RouteSelector {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    public Decision decide(String tradeId, TradeIntent intent, VenueQuotes quotes, Instant now) {
        List<Option> options = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        BigInteger dexBaseline = dexOption(intent, quotes.dex(), candidates).map(option -> {
            options.add(option);
            return option.leg().expectedOut();
        }).orElse(null);
        quotes.pools().forEach(pool -> poolOption(intent, pool, now, candidates).ifPresent(options::add));
        if (quotes.pools().isEmpty()) {
            candidates.add(Candidate.unavailable("OTC", Route.OTC, "no pool answered before the deadline"));
        }

        // Highest output wins; on a tie Jupiter keeps it (no pool reservation, no counterparty).
        Optional<Option> best = options.stream()
                .max(Comparator.comparing((Option o) -> o.leg().expectedOut())
                        .thenComparing(o -> o.leg().venue() == Venue.DEX));
        if (best.isEmpty()) {
            return new Decision(Route.REJECTED, List.of(), candidates, BigInteger.ZERO, null, quotes.dex(),
                    "No venue can fill " + units(intent, intent.amountIn(), true) + " " + intent.pair());
        }
        Option chosen = best.get();
        Leg leg = chosen.leg();
        Leg numbered = new Leg(tradeId + "-1", leg.venue(), leg.poolId(), leg.quoteId(), leg.in(), leg.expectedOut(),
                leg.minOut());
        return new Decision(chosen.route(), List.of(numbered), candidates, leg.expectedOut(), dexBaseline,
                quotes.dex(), reason(intent, chosen, dexBaseline));
    }

    private Optional<Option> dexOption(TradeIntent intent, JupiterQuoted dex, List<Candidate> candidates) {
        if (dex == null) {
            candidates.add(Candidate.unavailable("DEX", Route.DEX, "Jupiter did not answer before the deadline"));
            return Optional.empty();
        }
        if (dex.getStatus() != JupiterQuoteStatus.QUOTED || dex.getOutAmount() == null) {
            candidates.add(Candidate.unavailable("DEX", Route.DEX, dex.getStatus() + ": " + dex.getReason()));
            return Optional.empty();
        }
        BigInteger out = EventDecimals.toAtomic(dex.getOutAmount());
        // Jupiter's own minimum at the requested slippage: used as it is, never recomputed.
        BigInteger minOut = dex.getOtherAmountThreshold() == null ? withSlippage(out, intent.slippageBps())
                : EventDecimals.toAtomic(dex.getOtherAmountThreshold());
        candidates.add(new Candidate("DEX", Route.DEX, true, out, null));
        return Optional.of(new Option(Route.DEX, new Leg(null, Venue.DEX, null, null, intent.amountIn(), out, minOut)));
    }

    private Optional<Option> poolOption(TradeIntent intent, PoolQuoted pool, Instant now, List<Candidate> candidates) {
        String label = pool.getPoolId() == null ? "OTC" : "OTC:" + pool.getPoolId();
        if (pool.getStatus() == PoolQuoteStatus.NO_POOL) {
            candidates.add(Candidate.unavailable(label, Route.OTC, "no OTC pool serves " + intent.pair()));
            return Optional.empty();
        }
        if (pool.getStatus() != PoolQuoteStatus.QUOTED || pool.getOutAmount() == null) {
            candidates.add(Candidate.unavailable(label, Route.OTC, pool.getReason()));
            return Optional.empty();
        }
        if (!EventDecimals.toAtomic(pool.getInAmount()).equals(intent.amountIn())) {
            candidates.add(Candidate.unavailable(label, Route.OTC, "quoted a different size"));
            return Optional.empty();
        }
        if (pool.getExpiresAt() != null && !pool.getExpiresAt().isAfter(now)) {
            candidates.add(Candidate.unavailable(label, Route.OTC, "firm quote expired at " + pool.getExpiresAt()));
            return Optional.empty();
        }
        BigInteger out = EventDecimals.toAtomic(pool.getOutAmount());
        candidates.add(new Candidate(label, Route.OTC, true, out, null));
        return Optional.of(new Option(Route.OTC, new Leg(null, Venue.OTC, pool.getPoolId(), pool.getQuoteId(),
                intent.amountIn(), out, withSlippage(out, intent.slippageBps()))));
    }

    private static BigInteger withSlippage(BigInteger out, int slippageBps) {
        return out.multiply(BPS.subtract(BigInteger.valueOf(slippageBps))).divide(BPS);
    }

    private static String reason(TradeIntent intent, Option chosen, BigInteger dexBaseline) {
        String out = units(intent, chosen.leg().expectedOut(), false);
        if (chosen.route() == Route.DEX) {
            return "Jupiter returns the most: " + out + " " + intent.output().symbol();
        }
        String pool = "OTC pool " + chosen.leg().poolId();
        if (dexBaseline == null) {
            return pool + " fills " + out + " " + intent.output().symbol() + "; Jupiter could not quote";
        }
        return pool + " returns " + units(intent, chosen.leg().expectedOut().subtract(dexBaseline), false) + " "
                + intent.output().symbol() + " more than Jupiter (" + out + " vs " + units(intent, dexBaseline, false)
                + ")";
    }

    private static String units(TradeIntent intent, BigInteger atomic, boolean input) {
        BigDecimal units = input ? intent.input().toUnits(atomic) : intent.output().toUnits(atomic);
        return units.stripTrailingZeros().toPlainString();
    }

    private record Option(Route route, Leg leg) {
    }
}
