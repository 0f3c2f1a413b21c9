package io.otcrouter.price.kraken;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.price.pricing.PriceSourceUnavailableException;
import io.otcrouter.price.pricing.SourceFailures;
import io.otcrouter.price.pricing.SourceJson;
import io.otcrouter.price.pricing.SourcePrice;
import io.otcrouter.price.pricing.SourceRateLimitedException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Ticker answer ({@code {"error": [], "result": {"<pair>": {"c": ["<last>", "<lot>"], "o": "<open>"}}}}).
 * Price: the last trade {@code c[0]}. 24 h change: Kraken has no rolling 24 h change, so it is derived from
 * today's opening price {@code o} (00:00 UTC) as {@code (c - o) / o * 100}. Kraken carries no observation time:
 * the time of the answer is used.
 */
final class KrakenTickerParser {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KrakenTickerParser() {
    }

    /**
     * @throws SourceRateLimitedException      on Kraken's rate-limit errors
     * @throws PriceSourceUnavailableException on any other error in the body, or an unreadable body
     */
    static Map<String, SourcePrice> parse(String body, List<Token> tokens, Instant fetchedAt) {
        JsonNode root = SourceJson.readObject("Kraken", body);
        rejectErrors(root.get("error"));
        JsonNode result = root.get("result");
        if (result == null || !result.isObject()) {
            throw new PriceSourceUnavailableException("Kraken answered without a result");
        }
        List<String> asked = tokens.stream().map(Token::krakenPair).filter(Objects::nonNull).distinct().toList();
        Map<String, SourcePrice> prices = new HashMap<>();
        for (Token token : tokens) {
            if (token.krakenPair() == null) {
                continue;
            }
            SourcePrice price = price(entry(result, token.krakenPair(), asked), fetchedAt);
            if (price != null) {
                prices.put(token.symbol(), price);
            }
        }
        return prices;
    }

    /**
     * Kraken keys the result by its own pair name, which may differ from the name asked (XBTUSD answers as
     * XXBTZUSD); with a single pair asked, the single entry is the answer whatever its key.
     */
    private static JsonNode entry(JsonNode result, String pair, List<String> asked) {
        JsonNode entry = result.get(pair);
        if (entry == null && asked.size() == 1 && result.size() == 1) {
            entry = result.values().iterator().next();
        }
        return entry;
    }

    private static SourcePrice price(JsonNode entry, Instant fetchedAt) {
        if (entry == null || !entry.isObject()) {
            return null;
        }
        JsonNode close = entry.get("c");
        BigDecimal last = close != null && close.isArray() && !close.isEmpty() ? SourceJson.decimal(close.get(0)) : null;
        if (last == null || last.signum() <= 0) {
            return null;
        }
        BigDecimal open = SourceJson.decimal(entry.get("o"));
        BigDecimal change = open == null || open.signum() <= 0 ? null
                : last.subtract(open).multiply(HUNDRED).divide(open, MathContext.DECIMAL128);
        return new SourcePrice(last, change, fetchedAt);
    }

    private static void rejectErrors(JsonNode errors) {
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return;
        }
        String message = errors.toString();
        if (message.contains("EAPI:Rate limit") || message.contains("EGeneral:Too many requests")) {
            throw new SourceRateLimitedException("Kraken rate limit: " + message,
                    SourceFailures.DEFAULT_RATE_LIMIT_PAUSE, null);
        }
        throw new PriceSourceUnavailableException("Kraken answered errors: " + message);
    }
}
