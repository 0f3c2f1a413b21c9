package io.otcrouter.quote.execution;

import static io.otcrouter.quote.LiveJupiter.TENTH_OF_A_SOL;
import static io.otcrouter.quote.LiveJupiter.TENTH_OUT;
import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.quote.LiveJupiter;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.dex.JupiterMode;

/** DEX legs re-quoted against a live Jupiter (WireMock, real payloads) inside the shared budget. */
class LiveDexLegExecutorTest {

    private final LiveJupiter jupiter = new LiveJupiter(JupiterMode.LIVE);
    private final List<LegExecuted> published = new ArrayList<>();
    private final DexLegExecutor executor = new DexLegExecutor(jupiter.quoter, CATALOG, jupiter.clock,
            Duration.ofSeconds(3));

    /** Executes the decision; the lane is inline, so the re-quotes are complete at once. */
    private void execute(RouteDecided decision) {
        published.addAll(executor.execute(decision).join());
    }

    @AfterEach
    void stop() {
        jupiter.stop();
    }

    @Test
    void shouldRequoteWithJupiterWithinTheBudgetAndFillAtItsOutput() {
        execute(TestEvents.routeDecided("trade-1",
                TestEvents.dexLeg("leg-1", TENTH_OF_A_SOL, TENTH_OUT.subtract(BigInteger.TEN))));

        assertThat(published).singleElement().satisfies(leg -> {
            assertThat(leg.getStatus()).isEqualTo(LegStatus.FILLED);
            assertThat(leg.getQuoteSource()).isEqualTo(QuoteSource.LIVE);
            assertThat(EventDecimals.toAtomic(leg.getOutAmount())).isEqualTo(TENTH_OUT);
        });
        assertThat(jupiter.calls()).isEqualTo(1);
    }

    @Test
    void shouldRequoteFromTheCurveWhenTheBudgetIsSpentAndFailWithSlippageBelowTheMinimum() {
        execute(TestEvents.routeDecided("trade-1",
                TestEvents.dexLeg("leg-1", TENTH_OF_A_SOL, TENTH_OUT)));
        jupiter.limiter.onResponse(429, "0", "60");

        execute(TestEvents.routeDecided("trade-2",
                TestEvents.dexLeg("leg-1", TENTH_OF_A_SOL, TENTH_OUT.add(BigInteger.ONE))));
        execute(TestEvents.routeDecided("trade-3",
                TestEvents.dexLeg("leg-1", TENTH_OF_A_SOL, TENTH_OUT)));

        assertThat(published).hasSize(3);
        assertThat(published.get(1)).satisfies(leg -> {
            assertThat(leg.getStatus()).isEqualTo(LegStatus.FAILED);
            assertThat(leg.getReason()).startsWith("SLIPPAGE: ").endsWith("(from the depth curve)");
            assertThat(leg.getOutAmount()).isEqualByComparingTo("0");
        });
        assertThat(published.get(2)).satisfies(leg -> {
            assertThat(leg.getStatus()).isEqualTo(LegStatus.FILLED);
            assertThat(EventDecimals.toAtomic(leg.getOutAmount())).isEqualTo(TENTH_OUT);
            assertThat(leg.getReason()).contains("paper fill paper-").contains("depth curve");
        });
        assertThat(jupiter.calls()).isEqualTo(1);
    }
}
