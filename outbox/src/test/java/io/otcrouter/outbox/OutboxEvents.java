package io.otcrouter.outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.testsupport.events.PriceUpdatedMother;

/** A topic of the tests' own and events for it: the outbox forwards any event of the contract, keyed as told. */
final class OutboxEvents {

    static final Topic<PriceUpdated> PRICES = new Topic<>("otc.outbox-test.prices.v1", "token symbol",
            PriceUpdated.class, "outbox", Optional.empty(), false);
    static final Instant AT = Instant.parse("2026-12-05T06:00:00Z");

    private OutboxEvents() {
    }

    static PriceUpdated price(String eventId) {
        Token sol = TokenCatalog.defaults().bySymbol("SOL").orElseThrow();
        return PriceUpdatedMother.priceUpdated(sol, new BigDecimal("150.123456789012"), AT).setEventId(eventId).build();
    }
}
