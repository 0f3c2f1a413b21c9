package io.otcrouter.price.binance;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.price.pricing.PriceSourceUnavailableException;
import io.otcrouter.price.pricing.SourceJson;
import io.otcrouter.price.pricing.SourcePrice;
import tools.jackson.databind.JsonNode;

/**
 * Reads one {@code /api/v3/ticker/24hr} answer: {@code lastPrice} and {@code priceChangePercent} (percent over
 * the rolling 24 h window, both strings), {@code closeTime} (epoch millis) as the observation time.
 */
final class BinanceTickerParser {

    private BinanceTickerParser() {
    }

    /**
     * @return the price, or null when the ticker has no positive last price
     * @throws PriceSourceUnavailableException when the body is not a JSON object
     */
    static SourcePrice parse(String body, Instant fetchedAt) {
        JsonNode ticker = SourceJson.readObject("Binance", body);
        BigDecimal last = SourceJson.decimal(ticker.get("lastPrice"));
        if (last == null || last.signum() <= 0) {
            return null;
        }
        JsonNode closeTime = ticker.get("closeTime");
        Instant observedAt = closeTime != null && closeTime.isIntegralNumber()
                ? Instant.ofEpochMilli(closeTime.longValue())
                : fetchedAt;
        return new SourcePrice(last, SourceJson.decimal(ticker.get("priceChangePercent")), observedAt);
    }
}
