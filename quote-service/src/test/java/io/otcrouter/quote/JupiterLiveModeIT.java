package io.otcrouter.quote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteSource;

@TestPropertySource(properties = "otc.jupiter.mode=live")
class JupiterLiveModeIT extends JupiterRateLimitedIT {

    @Test
    void shouldAnswerUnavailableWhenJupiterIsRateLimited() {
        JupiterQuoted quoted = requestAQuoteAndAwaitTheAnswer();

        assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.UNAVAILABLE);
        assertThat(quoted.getSource()).isEqualTo(QuoteSource.LIVE);
        assertThat(quoted.getReason()).contains("429").contains("Too many requests");
        assertThat(quoted.getOutAmount()).isNull();
        assertThat(quoted.getDepthCurve()).isEmpty();
    }
}
