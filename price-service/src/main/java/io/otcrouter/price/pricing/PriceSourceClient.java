package io.otcrouter.price.pricing;

import java.util.List;
import java.util.Map;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;

/**
 * An outbound price source (CoinGecko, Kraken, Binance). The board asks the sources in order, each for the
 * tokens the previous ones did not answer.
 */
public interface PriceSourceClient {

    PriceSource source();

    /**
     * Prices of the given tokens, keyed by token symbol; a token the source does not know is simply absent.
     *
     * @throws PriceSourceUnavailableException when the source cannot answer this round (rate limit, 5xx,
     *                                         timeout, unreadable body)
     */
    Map<String, SourcePrice> fetch(List<Token> tokens);

    /**
     * How many HTTP requests {@link #fetch} makes for these tokens: what the rate limiter is charged, and 0 when
     * the source knows none of them (then it is not asked at all).
     */
    default int requestCount(List<Token> tokens) {
        return tokens.isEmpty() ? 0 : 1;
    }
}
