package io.otcrouter.router.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.Route;

/**
 * A rejection that is not the venues' answer but their silence: no venue could fill the trade and Jupiter's side
 * (quote-service) sent no reply at all before the deadline. A reply that refuses (NO_ROUTE, UNAVAILABLE) or a quote
 * outside the price band is an answer, and its rejection stands. Silence is usually a dependency briefly down (the
 * broker, quote-service, a slow database): the venue that did not answer might have filled the trade, so such a
 * rejection is not to be decided, only answered with "retry".
 *
 * @param venues the venues that were silent, as a person reads them: Jupiter always, the pools when they were too
 */
public record Silence(List<String> venues) {

    public Silence {
        venues = List.copyOf(venues);
    }

    /** @return the silence that made this decision a rejection; empty when the decision stands as it is */
    public static Optional<Silence> of(Decision decision, VenueQuotes quotes) {
        if (decision.route() != Route.REJECTED || quotes.dex() != null) {
            return Optional.empty();
        }
        List<String> venues = new ArrayList<>();
        venues.add("Jupiter (quote-service)");
        List<PoolQuoted> pools = quotes.pools();
        if (pools.isEmpty()) {
            venues.add("the OTC pools (otc-pool-service)");
        } else if (pools.size() < pools.get(pools.size() - 1).getPoolsInReply()) {
            venues.add("some OTC pools (" + pools.size() + " of " + pools.get(pools.size() - 1).getPoolsInReply()
                    + " answered)");
        }
        return Optional.of(new Silence(venues));
    }

    /** The venues named for a person: "Jupiter (quote-service) and the OTC pools (otc-pool-service)". */
    public String named() {
        return venues.size() == 1 ? venues.get(0)
                : String.join(", ", venues.subList(0, venues.size() - 1)) + " and " + venues.get(venues.size() - 1);
    }
}
