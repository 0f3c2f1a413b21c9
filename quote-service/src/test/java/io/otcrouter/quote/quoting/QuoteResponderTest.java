package io.otcrouter.quote.quoting;

import static io.otcrouter.testsupport.events.TestTokens.CATALOG;
import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;

class QuoteResponderTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<JupiterQuoted> published = new ArrayList<>();
    private final QuoteResponder responder = new QuoteResponder(
            DexQuoter.simulatedOnly(new SimulatedDex(new ReferencePrices(), CATALOG,
                    new SimulatedDexProperties(new BigDecimal("20000000"), 30)), CLOCK),
            this::publish, CLOCK, Duration.ofMillis(300), Duration.ofMillis(100));

    /** The broker of these tests acknowledges every send at once. */
    private CompletableFuture<Void> publish(JupiterQuoted quoted) {
        published.add(quoted);
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void shouldAnswerARequestWithItsRequestIdPairSizeAndASimulatedCurve() {
        QuoteRequested request = TestEvents.solToUsdcRequest("req-1", new BigDecimal("1000"), NOW.plusSeconds(2));

        responder.answer(request);

        assertThat(published).singleElement().satisfies(quoted -> {
            assertThat(quoted.getRequestId()).isEqualTo("req-1");
            assertThat(quoted.getPair()).isEqualTo("SOL/USDC");
            assertThat(quoted.getInAmount()).isEqualTo(request.getAmountIn());
            assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
            assertThat(quoted.getSource()).isEqualTo(QuoteSource.SIMULATED);
            assertThat(quoted.getOtherAmountThreshold()).isLessThan(quoted.getOutAmount());
            assertThat(quoted.getPriceImpactPct().scale()).isEqualTo(EventDecimals.PRICE_SCALE);
            assertThat(quoted.getDepthCurve()).hasSize(5);
            assertThat(quoted.getDepthCurve()).extracting(DepthPoint::getInAmount)
                    .contains(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("2000"))));
            assertThat(quoted.getCurveObservedAt()).isEqualTo(NOW);
            assertThat(quoted.getCurveAgeMs()).isZero();
            assertThat(quoted.getFromCache()).isFalse();
            assertThat(quoted.getBudgetRemaining()).isNull();
        });
    }

    @Test
    void shouldSkipARequestWhoseReplyDeadlineHasPassed() {
        responder.answer(TestEvents.solToUsdcRequest("req-late", BigDecimal.ONE, NOW.minusMillis(1)));

        assertThat(published).isEmpty();
    }
}
