package io.otcrouter.router.routing;

import java.util.List;

import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoted;

/** The venues' answers to one quote request; {@code dex} is null when Jupiter did not answer before the deadline. */
public record VenueQuotes(JupiterQuoted dex, List<PoolQuoted> pools) {

    public VenueQuotes {
        pools = List.copyOf(pools);
    }
}
