package io.otcrouter.price.pricing;

/** Publishes a token's current price to the rest of the system. */
public interface PriceUpdatedPublisher {

    void publish(TokenPrice price);
}
