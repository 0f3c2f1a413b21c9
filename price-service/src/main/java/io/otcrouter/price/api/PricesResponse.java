package io.otcrouter.price.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.otcrouter.price.pricing.PriceSnapshot;
import io.otcrouter.price.pricing.TokenPrice;

/**
 * Body of {@code GET /api/prices}, the original project's shape.
 *
 * @param prices    by token symbol, in catalog order
 * @param source    the one source every token came from, or {@value #MIXED}
 * @param updatedAt when the last refresh round ran
 */
public record PricesResponse(Map<String, PriceView> prices, String source, Instant updatedAt) {

    static final String MIXED = "MIXED";

    static PricesResponse of(PriceSnapshot snapshot) {
        Map<String, PriceView> prices = new LinkedHashMap<>();
        snapshot.prices().forEach((symbol, price) -> prices.put(symbol, PriceView.of(price)));
        return new PricesResponse(prices, overallSource(snapshot), snapshot.updatedAt());
    }

    private static String overallSource(PriceSnapshot snapshot) {
        Set<String> sources = snapshot.all().stream().map(TokenPrice::source).map(Enum::name)
                .collect(Collectors.toSet());
        return sources.size() == 1 ? sources.iterator().next() : MIXED;
    }
}
