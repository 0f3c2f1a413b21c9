package io.otcrouter.kafka.prices;

import io.otcrouter.events.PriceUpdated;

/**
 * Told of each price {@link ReferencePrices} took, on the reader's thread, for a service that projects prices
 * further (the dashboard's ticker). A bean of this type is picked up by {@link ReferencePriceReader}.
 */
@FunctionalInterface
public interface ReferencePriceListener {

    void priceUpdated(PriceUpdated event);
}
