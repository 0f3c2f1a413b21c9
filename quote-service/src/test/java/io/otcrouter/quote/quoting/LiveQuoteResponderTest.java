package io.otcrouter.quote.quoting;

import static io.otcrouter.quote.LiveJupiter.T0;
import static io.otcrouter.quote.LiveJupiter.TENTH_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.quote.LiveJupiter;
import io.otcrouter.quote.TestEvents;
import io.otcrouter.quote.dex.JupiterMode;

class LiveQuoteResponderTest {

    private static final BigDecimal TENTH = new BigDecimal("0.1");

    private final LiveJupiter jupiter = new LiveJupiter(JupiterMode.LIVE);
    private final List<JupiterQuoted> published = new ArrayList<>();
    private final QuoteResponder responder = new QuoteResponder(jupiter.quoter, this::publish, jupiter.clock,
            Duration.ofMillis(300), Duration.ofMillis(100));

    /** The broker of these tests acknowledges every send at once. */
    private CompletableFuture<Void> publish(JupiterQuoted quoted) {
        published.add(quoted);
        return CompletableFuture.completedFuture(null);
    }

    @AfterEach
    void stop() {
        jupiter.stop();
    }

    @Test
    void shouldAnswerAFirmLiveQuoteWithItsCurvePointWhenTheBudgetAllows() {
        responder.answer(TestEvents.solToUsdcRequest("req-1", TENTH, T0.plusSeconds(2)));

        assertThat(published).singleElement().satisfies(quoted -> {
            assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
            assertThat(quoted.getSource()).isEqualTo(QuoteSource.LIVE);
            assertThat(quoted.getFromCache()).isFalse();
            assertThat(EventDecimals.toAtomic(quoted.getOutAmount())).isEqualTo(TENTH_OUT);
            assertThat(EventDecimals.toAtomic(quoted.getOtherAmountThreshold())).hasToString("16117760");
            assertThat(quoted.getDepthCurve()).hasSize(1);
            assertThat(quoted.getCurveAgeMs()).isZero();
            assertThat(quoted.getBudgetRemaining()).isZero();
        });
    }

    @Test
    void shouldAnswerFromTheCachedCurveWithItsAgeInsteadOfWaitingPastReplyBy() {
        responder.answer(TestEvents.solToUsdcRequest("req-1", TENTH, T0.plusSeconds(2)));
        jupiter.clock.advance(Duration.ofMillis(700));

        // replyBy in 2 s, less the 300 ms call allowance: the next slot (T0 + 2 s) comes too late
        responder.answer(TestEvents.solToUsdcRequest("req-2", TENTH, jupiter.clock.instant().plusSeconds(1)));

        assertThat(published).hasSize(2).last().satisfies(quoted -> {
            assertThat(quoted.getRequestId()).isEqualTo("req-2");
            assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
            assertThat(quoted.getSource()).isEqualTo(QuoteSource.CURVE);
            assertThat(quoted.getFromCache()).isTrue();
            assertThat(EventDecimals.toAtomic(quoted.getOutAmount())).isEqualTo(TENTH_OUT);
            assertThat(quoted.getCurveObservedAt()).isEqualTo(T0);
            assertThat(quoted.getCurveAgeMs()).isEqualTo(700L);
            assertThat(quoted.getReason()).contains("700 ms ago");
        });
        assertThat(jupiter.calls()).isEqualTo(1);
    }
}
