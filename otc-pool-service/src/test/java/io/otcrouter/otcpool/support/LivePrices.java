package io.otcrouter.otcpool.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;

/** Live reference prices set straight into an instance's prices, for tests that need no price topic. */
public final class LivePrices {

    private LivePrices() {
    }

    /** {@code token} is worth {@code usd} dollars, observed now. */
    public static void set(ReferencePrices prices, Token token, String usd) {
        prices.update(token.mint(), ReferencePrice.live(EventDecimals.price(new BigDecimal(usd)),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }
}
