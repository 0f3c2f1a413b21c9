package io.otcrouter.otcpool.quoting;

import io.otcrouter.events.PoolQuoted;

/** Where the pools' answers to quote requests go. */
public interface PoolQuotePublisher {

    void publish(PoolQuoted quote);
}
