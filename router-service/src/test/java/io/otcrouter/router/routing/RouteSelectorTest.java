package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.TokenCatalog;

class RouteSelectorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final BigInteger THOUSAND_SOL = new BigInteger("1000000000000");
    private static final TradeIntent SELL_1000_SOL = new TradeIntent(TOKENS.bySymbol("SOL").orElseThrow(),
            TOKENS.bySymbol("USDC").orElseThrow(), THOUSAND_SOL, 50, "desk-1");

    private final RouteSelector selector = new RouteSelector();

    @Test
    void shouldSendTheTradeToThePoolWhenItReturnsMoreThanJupiter() {
        var quotes = new VenueQuotes(dex("148000000000", "147260000000"), List.of(pool("sol-usdc-main", "149625000000")));

        Decision decision = selector.decide("t-1", SELL_1000_SOL, quotes, NOW);

        assertThat(decision.route()).isEqualTo(Route.OTC);
        assertThat(decision.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.legId()).isEqualTo("t-1-1");
            assertThat(leg.venue()).isEqualTo(Venue.OTC);
            assertThat(leg.poolId()).isEqualTo("sol-usdc-main");
            assertThat(leg.expectedOut()).isEqualTo(new BigInteger("149625000000"));
            assertThat(leg.minOut()).isEqualTo(new BigInteger("148876875000"));
        });
        assertThat(decision.dexBaseline()).isEqualTo(new BigInteger("148000000000"));
        assertThat(decision.expectedSaving()).isEqualTo(new BigInteger("1625000000"));
        assertThat(decision.reason()).contains("sol-usdc-main").contains("1625 USDC more");
    }

    @Test
    void shouldKeepJupiterWhenItReturnsMoreAndUseItsOwnMinimumOut() {
        var quotes = new VenueQuotes(dex("150000000000", "149250000000"), List.of(pool("sol-usdc-main", "149625000000")));

        Decision decision = selector.decide("t-1", SELL_1000_SOL, quotes, NOW);

        assertThat(decision.route()).isEqualTo(Route.DEX);
        assertThat(decision.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.venue()).isEqualTo(Venue.DEX);
            assertThat(leg.minOut()).isEqualTo(new BigInteger("149250000000"));
        });
        assertThat(decision.expectedSaving()).isZero();
    }

    @Test
    void shouldRouteToThePoolWhenJupiterIsUnavailableAndSayWhy() {
        JupiterQuoted unavailable = JupiterQuoted.newBuilder(dex("1", "1")).setStatus(JupiterQuoteStatus.UNAVAILABLE)
                .setOutAmount(null).setOtherAmountThreshold(null).setReason("HTTP 429").build();

        Decision decision = selector.decide("t-1", SELL_1000_SOL,
                new VenueQuotes(unavailable, List.of(pool("sol-usdc-main", "149625000000"))), NOW);

        assertThat(decision.route()).isEqualTo(Route.OTC);
        assertThat(decision.dexBaseline()).isNull();
        assertThat(decision.candidates()).filteredOn(c -> c.route() == Route.DEX).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("UNAVAILABLE").contains("429"));
    }

    @Test
    void shouldNeverRouteToAnExpiredFirmQuote() {
        PoolQuoted expired = PoolQuoted.newBuilder(pool("sol-usdc-main", "999999000000")).setExpiresAt(NOW).build();

        Decision decision = selector.decide("t-1", SELL_1000_SOL,
                new VenueQuotes(dex("148000000000", "147260000000"), List.of(expired)), NOW);

        assertThat(decision.route()).isEqualTo(Route.DEX);
        assertThat(decision.candidates()).anySatisfy(c -> assertThat(c.reason()).contains("expired"));
    }

    @Test
    void shouldRejectWhenNoVenueCanFill() {
        PoolQuoted noPool = PoolQuoted.newBuilder(pool("x", "1")).setPoolId(null).setQuoteId(null)
                .setStatus(PoolQuoteStatus.NO_POOL).setOutAmount(null).build();

        Decision decision = selector.decide("t-1", SELL_1000_SOL, new VenueQuotes(null, List.of(noPool)), NOW);

        assertThat(decision.route()).isEqualTo(Route.REJECTED);
        assertThat(decision.legs()).isEmpty();
        assertThat(decision.reason()).contains("No venue can fill 1000 SOL/USDC");
        assertThat(decision.candidates()).extracting(Candidate::available).containsOnly(false);
    }

    @Test
    void shouldPreferJupiterOnATie() {
        var quotes = new VenueQuotes(dex("149625000000", "148000000000"), List.of(pool("sol-usdc-main", "149625000000")));

        assertThat(selector.decide("t-1", SELL_1000_SOL, quotes, NOW).route()).isEqualTo(Route.DEX);
    }

    private static JupiterQuoted dex(String out, String threshold) {
        return JupiterQuoted.newBuilder().setEventId("e-dex").setOccurredAt(NOW).setRequestId("r-1").setPair("SOL/USDC")
                .setInputMint(SELL_1000_SOL.input().mint()).setOutputMint(SELL_1000_SOL.output().mint())
                .setInAmount(EventDecimals.atomic(THOUSAND_SOL)).setStatus(JupiterQuoteStatus.QUOTED)
                .setSource(QuoteSource.SIMULATED).setOutAmount(EventDecimals.atomic(new BigInteger(out)))
                .setOtherAmountThreshold(EventDecimals.atomic(new BigInteger(threshold))).build();
    }

    private static PoolQuoted pool(String poolId, String out) {
        return PoolQuoted.newBuilder().setEventId("e-" + poolId).setOccurredAt(NOW).setRequestId("r-1")
                .setPair("SOL/USDC").setPoolId(poolId).setQuoteId("q-" + poolId).setStatus(PoolQuoteStatus.QUOTED)
                .setInputMint(SELL_1000_SOL.input().mint()).setOutputMint(SELL_1000_SOL.output().mint())
                .setInAmount(EventDecimals.atomic(THOUSAND_SOL)).setOutAmount(EventDecimals.atomic(new BigInteger(out)))
                .setExpiresAt(NOW.plusSeconds(10)).setPoolsInReply(1).build();
    }
}
