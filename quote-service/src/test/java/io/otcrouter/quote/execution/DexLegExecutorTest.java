package io.otcrouter.quote.execution;

import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;

class DexLegExecutorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final BigInteger TEN_SOL = SOL.toAtomic(new BigDecimal("10"));
    /** What the simulated 10 SOL leg returns at the static 150 USD: ~1,495.4 USDC. */
    private static final BigInteger TEN_SOL_MIN_OK = USDC.toAtomic(new BigDecimal("1490"));
    private static final BigInteger TEN_SOL_MIN_TOO_HIGH = USDC.toAtomic(new BigDecimal("1500"));

    private final List<LegExecuted> published = new ArrayList<>();
    private final DexLegExecutor executor = new DexLegExecutor(
            DexQuoter.simulatedOnly(new SimulatedDex(new ReferencePrices(), CATALOG,
                    new SimulatedDexProperties(new BigDecimal("20000000"), 30)), CLOCK),
            CATALOG, CLOCK, Duration.ofSeconds(3));

    /** Executes the decision; the simulated re-quotes are complete at once. */
    private void execute(RouteDecided decision) {
        published.addAll(executor.execute(decision).join());
    }

    @Test
    void shouldFillADexLegAtTheRequotedOutputWhenItMeetsTheMinimum() {
        execute(TestEvents.routeDecided("trade-1", TestEvents.dexLeg("leg-1", TEN_SOL, TEN_SOL_MIN_OK)));

        assertThat(published).singleElement().satisfies(leg -> {
            assertThat(leg.getStatus()).isEqualTo(LegStatus.FILLED);
            assertThat(leg.getTradeId()).isEqualTo("trade-1");
            assertThat(leg.getLegId()).isEqualTo("leg-1");
            assertThat(leg.getVenue()).isEqualTo(Venue.DEX);
            assertThat(leg.getQuoteSource()).isEqualTo(QuoteSource.SIMULATED);
            assertThat(EventDecimals.toAtomic(leg.getOutAmount())).isGreaterThanOrEqualTo(TEN_SOL_MIN_OK);
            // USDC per SOL in token units (6 and 9 decimals), not per lamport
            assertThat(leg.getExecutionPrice()).isCloseTo(new BigDecimal("149.54"), within(new BigDecimal("0.01")));
            assertThat(leg.getExecutedAt()).isEqualTo(CLOCK.instant());
            // a paper fill id: hyphens and zeros are not base58, so no one takes it for a chain signature
            assertThat(leg.getReason()).matches("paper fill paper-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
            assertThat(leg.getFillId()).matches("paper-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        });
    }

    @Test
    void shouldFailADexLegWithSlippageWhenItsRequoteIsBelowTheMinimum() {
        execute(TestEvents.routeDecided("trade-2",
                TestEvents.dexLeg("leg-1", TEN_SOL, TEN_SOL_MIN_TOO_HIGH)));

        assertThat(published).singleElement().satisfies(leg -> {
            assertThat(leg.getStatus()).isEqualTo(LegStatus.FAILED);
            assertThat(leg.getReason()).startsWith("SLIPPAGE: ");
            assertThat(leg.getOutAmount()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(leg.getExecutionPrice()).isNull();
            assertThat(leg.getReason()).contains("re-quote ").contains("below minimum " + TEN_SOL_MIN_TOO_HIGH);
        });
    }

    @Test
    void shouldFailADexLegThatCannotBeQuoted() {
        RouteDecided decision = TestEvents.routeDecided("trade-3", TestEvents.dexLeg("leg-1", TEN_SOL, BigInteger.ONE));
        decision.setOutputMint("UnknownMint1111111111111111111111111111111");

        execute(decision);

        assertThat(published).singleElement().satisfies(leg -> {
            assertThat(leg.getStatus()).isEqualTo(LegStatus.FAILED);
            assertThat(leg.getReason()).contains("NO_ROUTE");
        });
    }

    @Test
    void shouldExecuteOnlyTheDexLegsOfASplit() {
        RouteLeg otcLeg = TestEvents.dexLeg("leg-otc", TEN_SOL, BigInteger.ONE);
        otcLeg.setVenue(Venue.OTC);
        otcLeg.setPoolId("sol-usdc-main");

        execute(TestEvents.routeDecided("trade-4", otcLeg,
                TestEvents.dexLeg("leg-dex", TEN_SOL, TEN_SOL_MIN_OK)));

        assertThat(published).extracting(LegExecuted::getLegId).containsExactly("leg-dex");
    }
}
