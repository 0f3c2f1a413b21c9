package io.otcrouter.price.pricing;

import java.math.BigDecimal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a price source's JSON answer. Numbers, and prices written as strings (Kraken, Binance), become
 * BigDecimal from their text, never through double. Anything unreadable is "source unavailable this round".
 */
public final class SourceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private SourceJson() {
    }

    /** @throws PriceSourceUnavailableException when the body is empty, not JSON, or not a JSON object */
    public static JsonNode readObject(String source, String body) {
        if (body == null || body.isBlank()) {
            throw new PriceSourceUnavailableException(source + " answered an empty body");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new PriceSourceUnavailableException(source + " answered unreadable JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new PriceSourceUnavailableException(source + " answered JSON that is not an object");
        }
        return root;
    }

    /** A decimal written as a JSON number or string ("3537.50000"), or null when absent or not a number. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            try {
                return new BigDecimal(node.asString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
