package io.otcrouter.testsupport.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.tokens.Token;

/** Object Mother of {@link PriceUpdated}: a fresh CoinGecko price, observed when it is published. */
public final class PriceUpdatedMother {

    private PriceUpdatedMother() {
    }

    public static PriceUpdated.Builder priceUpdated(Token token, BigDecimal priceUsd, Instant at) {
        return PriceUpdated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setSymbol(token.symbol())
                .setMint(token.mint())
                .setPriceUsd(EventDecimals.price(priceUsd))
                .setSource(PriceSource.COINGECKO)
                .setObservedAt(at)
                .setStale(false);
    }

    /** Priced now. */
    public static PriceUpdated priceUpdated(Token token, String priceUsd) {
        return priceUpdated(token, new BigDecimal(priceUsd), TestClock.now()).build();
    }
}
