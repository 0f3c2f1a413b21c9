package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void theSummaryGivesEveryLedgerStatusLatencyAndTheVerdictForScripts() {
        Options options = Options.parse("--rate=100", "--duration=120s", "--seed=16", "--run-id=abc");

        String summary = RunSummary.summary(options, 12_000, 11_990, 10, 42,
                Map.of("201", new AtomicLong(11_990), "422", new AtomicLong(10)),
                Map.of("FILLED", 11_900L, "PARTIALLY_FILLED", 80L, "FAILED", 20L),
                Percentiles.of(new long[] {5_000_000, 12_500_000, 900_000_000}), List.of("1 duplicate ledger rows"));

        assertThat(summary.lines()).containsExactly("run_id=abc", "rate=100", "duration_s=120", "seed=16",
                "sent=12000", "accepted=11990", "rejected_422=10", "retries=42", "responses_201=11990",
                "responses_422=10", "ledger_FILLED=11900", "ledger_PARTIALLY_FILLED=80", "ledger_FAILED=20",
                "ledger_PENDING=0", "decision_p50_ms=12.5", "decision_p99_ms=900.0", "decision_max_ms=900.0",
                "invariants=violated", "violations=1");
    }
}
