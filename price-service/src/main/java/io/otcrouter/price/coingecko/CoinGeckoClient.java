package io.otcrouter.price.coingecko;

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
 * CoinGecko's {@code /simple/price}, the first price source. One request per round for every token; any HTTP
 * error (429 rate limit with its Retry-After, 5xx), timeout or unreadable body makes the whole round
 * unavailable. The key goes in the demo header, or the pro header when the base URL is CoinGecko's pro API.
 */
public class CoinGeckoClient implements PriceSourceClient {

    static final String API_KEY_HEADER = "x-cg-demo-api-key";
    static final String PRO_API_KEY_HEADER = "x-cg-pro-api-key";

    private final RestClient restClient;
    private final Clock clock;

    CoinGeckoClient(RestClient restClient, Clock clock) {
        this.restClient = restClient;
        this.clock = clock;
    }

    public static CoinGeckoClient create(RestClient.Builder builder, CoinGeckoProperties properties, Clock clock) {
        builder = properties.restClient(builder);
        if (properties.hasApiKey()) {
            builder = builder.defaultHeader(properties.isPro() ? PRO_API_KEY_HEADER : API_KEY_HEADER,
                    properties.apiKey());
        }
        return new CoinGeckoClient(builder.build(), clock);
    }

    @Override
    public PriceSource source() {
        return PriceSource.COINGECKO;
    }

    @Override
    public Map<String, SourcePrice> fetch(List<Token> tokens) {
        List<String> ids = tokens.stream().map(Token::coingeckoId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        String body;
        try {
            body = restClient.get()
                    .uri(uri -> uri.path("/simple/price")
                            .queryParam("ids", String.join(",", ids))
                            .queryParam("vs_currencies", "usd")
                            .queryParam("include_24hr_change", "true")
                            .queryParam("include_last_updated_at", "true")
                            .build())
                    .retrieve()
                    .body(String.class);
        } catch (RestClientException e) {
            throw SourceFailures.unavailable("CoinGecko", e, clock);
        }
        return CoinGeckoSimplePriceParser.parse(body, tokens, clock.instant());
    }
}
