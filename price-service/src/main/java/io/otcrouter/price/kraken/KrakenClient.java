package io.otcrouter.price.kraken;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.price.pricing.PriceSourceClient;
import io.otcrouter.price.pricing.SourceFailures;
import io.otcrouter.price.pricing.SourcePrice;

/**
 * Kraken's public {@code /0/public/Ticker}, the second price source: one request for every token that has a
 * Kraken pair (the catalog's {@code krakenPair}, quoted in USD). Kraken reports errors inside an HTTP 200 body;
 * those make the round unavailable like an HTTP error does.
 */
public class KrakenClient implements PriceSourceClient {

    private final RestClient restClient;
    private final Clock clock;

    KrakenClient(RestClient restClient, Clock clock) {
        this.restClient = restClient;
        this.clock = clock;
    }

    public static KrakenClient create(RestClient.Builder builder, KrakenProperties properties, Clock clock) {
        return new KrakenClient(properties.restClient(builder).build(), clock);
    }

    @Override
    public PriceSource source() {
        return PriceSource.KRAKEN;
    }

    @Override
    public int requestCount(List<Token> tokens) {
        return pairs(tokens).isEmpty() ? 0 : 1;
    }

    @Override
    public Map<String, SourcePrice> fetch(List<Token> tokens) {
        List<String> pairs = pairs(tokens);
        if (pairs.isEmpty()) {
            return Map.of();
        }
        String body;
        try {
            body = restClient.get()
                    .uri(uri -> uri.path("/0/public/Ticker").queryParam("pair", String.join(",", pairs)).build())
                    .retrieve()
                    .body(String.class);
        } catch (RestClientException e) {
            throw SourceFailures.unavailable("Kraken", e, clock);
        }
        return KrakenTickerParser.parse(body, tokens, clock.instant());
    }

    private static List<String> pairs(List<Token> tokens) {
        return tokens.stream().map(Token::krakenPair).filter(Objects::nonNull).distinct().toList();
    }
}
