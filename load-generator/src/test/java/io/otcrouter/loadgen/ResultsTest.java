package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ResultsTest {

    private final LossAccounting noLoss = new LossAccounting(100, 10, 10, 10, 10, 10, 10, 0, 10L, 0, 0, 0);

    @Test
    void shouldSayWhenLatencyIsOfAFewDecidedRequestsOnly() {
        Options options = Options.parse("--rate=200", "--duration=500ms");
        long[] tenFastDecisions = new long[10];
        Arrays.fill(tenFastDecisions, 5_000_000L);
        Results results = new Results(options, 100, Percentiles.of(tenFastDecisions), Percentiles.of(new long[0]),
                20, 20, 20, 0.5, 0.5, noLoss, new StackMemory.Sample(0, 0, 0), false);

        assertThat(results.decisionVerdict()).startsWith("met")
                .contains("of decided requests only; 90 of 100 got no decision");
    }

    @Test
    void shouldNotQualifyAVerdictWhenEveryRequestWasDecided() {
        Options options = Options.parse("--rate=200", "--duration=50ms");
        long[] allDecided = new long[10];
        Arrays.fill(allDecided, 5_000_000L);
        Results results = new Results(options, 10, Percentiles.of(allDecided), Percentiles.of(new long[0]),
                200, 200, 200, 0.05, 0.05, noLoss, new StackMemory.Sample(0, 0, 0), false);

        assertThat(results.decisionVerdict()).isEqualTo("met");
    }
}
