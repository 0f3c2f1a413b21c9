package io.otcrouter.price.coingecko;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.price.pricing.PriceSourceUnavailableException;
import io.otcrouter.price.pricing.SourcePrice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code /simple/price} answer ({@code {"<id>": {"usd": 1.0, "usd_24h_change": 0.5,
 * "last_updated_at": 1711356300}}}). Numbers are read from their JSON text as BigDecimal, never through double,
 * so a price like 0.000023456789 stays exact.
 */
final class CoinGeckoSimplePriceParser {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private CoinGeckoSimplePriceParser() {
    }

    /**
     * Prices by token symbol for the tokens the body answers with a positive USD price.
     *
     * @param fetchedAt observation time used when the body has no {@code last_updated_at}
     * @throws PriceSourceUnavailableException when the body is not a JSON object
     */
    static Map<String, SourcePrice> parse(String body, List<Token> tokens, Instant fetchedAt) {
        JsonNode root = readTree(body);
        Map<String, SourcePrice> prices = new HashMap<>();
        for (Token token : tokens) {
            if (token.coingeckoId() == null) {
                continue;
            }
            JsonNode entry = root.get(token.coingeckoId());
            if (entry == null || !entry.isObject()) {
                continue;
            }
            BigDecimal price = decimal(entry.get("usd"));
            if (price == null || price.signum() <= 0) {
                continue;
            }
            prices.put(token.symbol(), new SourcePrice(price, decimal(entry.get("usd_24h_change")),
                    observedAt(entry.get("last_updated_at"), fetchedAt)));
        }
        return prices;
    }

    private static JsonNode readTree(String body) {
        if (body == null || body.isBlank()) {
            throw new PriceSourceUnavailableException("CoinGecko answered an empty body");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new PriceSourceUnavailableException("CoinGecko answered unreadable JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new PriceSourceUnavailableException("CoinGecko answered JSON that is not an object");
        }
        return root;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    private static Instant observedAt(JsonNode node, Instant fallback) {
        return node != null && node.canConvertToLong() && node.isIntegralNumber()
                ? Instant.ofEpochSecond(node.longValue())
                : fallback;
    }
}
