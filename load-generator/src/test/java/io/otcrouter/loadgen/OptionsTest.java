package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldOfferTheWarmUpBeforeTheMeasuredRequestsAtTheSameRate() {
        Options options = Options.parse("--rate=200", "--duration=60s", "--warmup=15s");

        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.warmupRequests()).isEqualTo(3_000);
        assertThat(options.totalRequests()).isEqualTo(15_000);
    }

    @Test
    void shouldMeasureEveryRequestWithoutAWarmUp() {
        Options options = Options.parse("--rate=50", "--duration=500ms");

        assertThat(options.warmupRequests()).isZero();
        assertThat(options.totalRequests()).isEqualTo(25);
    }

    @Test
    void shouldRefuseANegativeWarmUpAndUnknownOptions() {
        assertThatThrownBy(() -> Options.parse("--warmup=-1s")).hasMessageContaining("--warmup");
        assertThatThrownBy(() -> Options.parse("--warm-up=10s")).hasMessageContaining("warm-up");
    }

    @Test
    void shouldRunOpenLoopUnlessClientsAreGivenAndRefuseNegativeClients() {
        assertThat(Options.parse("--rate=200").clients()).isZero();
        assertThat(Options.parse("--clients=64", "--rate=2000", "--duration=20s").clients()).isEqualTo(64);
        assertThatThrownBy(() -> Options.parse("--clients=-1")).hasMessageContaining("--clients");
    }

    @Test
    void shouldWriteTheSummaryFileOnlyWhenAsked() {
        assertThat(Options.parse("--rate=100").summaryFile()).isNull();
        assertThat(Options.parse("--summary-file=/tmp/run.summary").summaryFile())
                .isEqualTo(java.nio.file.Path.of("/tmp/run.summary"));
    }
}
