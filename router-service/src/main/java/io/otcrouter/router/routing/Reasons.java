package io.otcrouter.router.routing;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/** The one line a person reads to know why a trade went where it went, and the notes that qualify it. */
final class Reasons {

    private Reasons() {
    }

    /** @param notes what else a reader must know: an untrusted reference, Jupiter outside the band */
    static String explain(TradeIntent intent, Route route, List<Leg> legs, BigInteger dexBaseline,
            List<String> notes) {
        String reason = explain(intent, route, legs, dexBaseline);
        return notes.isEmpty() ? reason : reason + " (" + String.join("; ", notes) + ")";
    }

    /**
     * Says when the chosen Jupiter figure is not Jupiter's quote for that size now: the quote itself was
     * interpolated from the cached depth curve (source CURVE, with the curve's age), or a split's Jupiter leg is read
     * off the depth curve rather than quoted for its own size.
     *
     * @param dex  Jupiter's answer, null when it could not quote
     * @param legs the chosen option's legs
     */
    static Optional<String> dexEstimate(TradeIntent intent, JupiterQuoted dex, List<Leg> legs) {
        Optional<Leg> dexLeg = legs.stream().filter(leg -> leg.venue() == Venue.DEX).findFirst();
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

    private static String explain(TradeIntent intent, Route route, List<Leg> legs, BigInteger dexBaseline) {
        String symbol = intent.output().symbol();
        BigInteger out = legs.stream().map(Leg::expectedOut).reduce(BigInteger.ZERO, BigInteger::add);
        String total = Units.of(intent.output(), out) + " " + symbol;
        String where = switch (route) {
            case DEX -> "Jupiter returns the most";
            case OTC -> "OTC pool " + legs.get(0).poolId() + " returns the most";
            default -> "Split " + legs.stream().map(leg -> Units.of(intent.input(), leg.in()) + " "
                    + intent.input().symbol() + " to " + (leg.venue() == Venue.DEX ? "Jupiter" : leg.poolId()))
                    .collect(Collectors.joining(", "));
        };
        if (route == Route.DEX) {
            return where + ": " + total;
        }
        if (dexBaseline == null) {
            return where + ": " + total + "; Jupiter could not quote";
        }
        return where + ": " + total + ", " + Units.of(intent.output(), out.subtract(dexBaseline)) + " " + symbol
                + " more than all to Jupiter (" + Units.of(intent.output(), dexBaseline) + ")";
    }
}
