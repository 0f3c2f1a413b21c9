package io.otcrouter.quote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteSource;

@TestPropertySource(properties = "otc.jupiter.mode=auto")
class JupiterAutoModeIT extends JupiterRateLimitedIT {

    @Test
    void shouldAnswerFromTheSimulatedPoolsWhenJupiterIsRateLimited() {
        JupiterQuoted quoted = requestAQuoteAndAwaitTheAnswer();

        assertThat(quoted.getStatus()).isEqualTo(JupiterQuoteStatus.QUOTED);
        assertThat(quoted.getSource()).isEqualTo(QuoteSource.SIMULATED);
        assertThat(quoted.getReason()).contains("429");
        assertThat(quoted.getOutAmount()).isNotNull();
    }
}
