package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/**
 * One way to fill the trade the router weighs: its legs (ids not yet given) and its output after the cost model,
 * on which options are compared.
 */
record RouteOption(String label, Route route, List<Leg> legs, BigDecimal netOut) {

    BigInteger grossOut() {
        return legs.stream().map(Leg::expectedOut).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** What its legs return after the cost model, rounded down. */
    BigInteger netOfLegs(CostModel costs) {
        BigDecimal net = BigDecimal.ZERO;
        for (Leg leg : legs) {
            BigDecimal out = new BigDecimal(leg.expectedOut());
            net = net.add(leg.venue() == Venue.DEX ? costs.netDex(out) : costs.netOtc(out));
        }
        return net.setScale(0, java.math.RoundingMode.FLOOR).toBigIntegerExact();
    }

    /** "DEX" and the ids of the pools it uses. */
    Set<String> venues() {
        return legs.stream().map(leg -> leg.venue() == Venue.DEX ? "DEX" : leg.poolId()).collect(Collectors.toSet());
    }
}
