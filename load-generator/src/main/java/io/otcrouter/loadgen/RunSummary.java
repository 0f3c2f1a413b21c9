package io.otcrouter.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/** The run's outcome in a form scripts read. */
final class RunSummary {

    private RunSummary() {
    }

    /**
     * The run's outcome as {@code name=value} lines, for scripts: a fault run compares its FAILED and
     * PARTIALLY_FILLED counts ({@code ledger_<STATUS>}, every ledger row of the run) with those of the same run
     * without the fault.
     */
    static String summary(Options options, long sent, long accepted, long rejected, long retries,
            Map<String, AtomicLong> outcomes, Map<String, Long> ledgerByStatus, Percentiles decision,
            List<String> violations) {
        StringBuilder out = new StringBuilder();
        BiConsumer<String, Object> line = (name, value) -> out.append(name).append('=')
                .append(value).append('\n');
        line.accept("run_id", options.runId());
        line.accept("rate", options.rate());
        line.accept("duration_s", options.duration().toSeconds());
        line.accept("seed", options.seed());
        line.accept("sent", sent);
        line.accept("accepted", accepted);
        line.accept("rejected_422", rejected);
        line.accept("retries", retries);
        new TreeMap<>(outcomes).forEach((outcome, count) -> line.accept("responses_" + outcome, count.get()));
        for (String status : List.of("FILLED", "PARTIALLY_FILLED", "FAILED", "PENDING")) {
            line.accept("ledger_" + status, ledgerByStatus.getOrDefault(status, 0L));
        }
        line.accept("decision_p50_ms", Results.ms(decision.p50()));
        line.accept("decision_p99_ms", Results.ms(decision.p99()));
        line.accept("decision_max_ms", Results.ms(decision.max()));
        line.accept("invariants", violations.isEmpty() ? "ok" : "violated");
        line.accept("violations", violations.size());
        return out.toString();
    }
}
