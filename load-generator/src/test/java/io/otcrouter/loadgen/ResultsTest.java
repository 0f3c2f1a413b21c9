package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ResultsTest {

    private final LossAccounting noLoss = new LossAccounting(100, 10, 10, 10, 10, 10, 10, 0, 10L, 0, 0, 0);

    @Test
    void shouldSayWhenLatencyIsOfAFewDecidedRequestsOnly() {
        Results results = tenFastDecisions(Options.parse("--rate=200", "--duration=500ms"), 100);

        assertThat(results.decisionVerdict()).startsWith("met")
                .contains("of decided requests only; 90 of 100 got no decision");
    }

    @Test
    void shouldNotQualifyAVerdictWhenEveryRequestWasDecided() {
        Results results = tenFastDecisions(Options.parse("--rate=200", "--duration=50ms"), 10);

        assertThat(results.decisionVerdict()).isEqualTo("met");
    }

    /** {@code sent} requests of which ten were decided, each in 5 ms. */
    private Results tenFastDecisions(Options options, long sent) {
        long[] decisions = new long[10];
        Arrays.fill(decisions, 5_000_000L);
        return new Results(options, sent, Percentiles.of(decisions), Percentiles.of(new long[0]), 20, 20, 20, 0.5,
                0.5, noLoss, new StackMemory.Sample(0, 0, 0), false);
    }
}
