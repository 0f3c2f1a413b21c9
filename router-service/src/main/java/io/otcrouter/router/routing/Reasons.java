package io.otcrouter.router.routing;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/** The one line a person reads to know why a trade went where it went. */
final class Reasons {

    private Reasons() {
    }

    /** @param notes what else a reader must know: an untrusted reference, Jupiter outside the band */
    static String explain(TradeIntent intent, Route route, List<Leg> legs, BigInteger dexBaseline,
            List<String> notes) {
        String reason = explain(intent, route, legs, dexBaseline);
        return notes.isEmpty() ? reason : reason + " (" + String.join("; ", notes) + ")";
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
