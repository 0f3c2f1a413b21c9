package io.otcrouter.price.binance;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.price.pricing.PriceSourceClient;
import io.otcrouter.price.pricing.SourceFailures;
import io.otcrouter.price.pricing.SourcePrice;

/**
 * Binance's {@code /api/v3/ticker/24hr}, the third price source: last price and rolling 24 h change in one
 * answer. One request per token ({@code symbol=}), because a multi-symbol request fails as a whole when Binance
 * does not list one of them; an unlisted symbol (HTTP 400, code -1121) only leaves that token to the next
 * source. Any other failure (429, 418, 451, 5xx, timeout, unreadable body) ends the round for Binance.
 *
 * <p>The catalog's Binance symbols are quoted in USDT; the USDT price is taken as the USD price.
 */
public class BinanceClient implements PriceSourceClient {

    private static final Logger log = LoggerFactory.getLogger(BinanceClient.class);

    private final RestClient restClient;
    private final Clock clock;

    BinanceClient(RestClient restClient, Clock clock) {
        this.restClient = restClient;
        this.clock = clock;
    }

    public static BinanceClient create(RestClient.Builder builder, BinanceProperties properties, Clock clock) {
        return new BinanceClient(properties.restClient(builder).build(), clock);
    }

    @Override
    public PriceSource source() {
        return PriceSource.BINANCE;
    }

    @Override
    public int requestCount(List<Token> tokens) {
        return (int) tokens.stream().filter(token -> token.binanceSymbol() != null).count();
    }

    @Override
    public Map<String, SourcePrice> fetch(List<Token> tokens) {
        Map<String, SourcePrice> prices = new HashMap<>();
        for (Token token : tokens) {
            if (token.binanceSymbol() == null) {
                continue;
            }
            String body = ticker(token.binanceSymbol());
            if (body != null) {
                SourcePrice price = BinanceTickerParser.parse(body, clock.instant());
                if (price != null) {
                    prices.put(token.symbol(), price);
                }
            }
        }
        return prices;
    }

    /** The 24 h ticker of one symbol, or null when Binance does not list it. */
    private String ticker(String symbol) {
        try {
            return restClient.get()
                    .uri(uri -> uri.path("/api/v3/ticker/24hr").queryParam("symbol", symbol).build())
                    .retrieve()
                    .body(String.class);
        } catch (HttpClientErrorException.BadRequest e) {
            log.debug("Binance does not list {}: {}", symbol, e.getResponseBodyAsString());
            return null;
        } catch (RestClientException e) {
            throw SourceFailures.unavailable("Binance", e, clock);
        }
    }
}
