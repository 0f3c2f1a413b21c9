package io.otcrouter.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of one run as a table, each line against the target where it has one. */
record Results(Options options, long sent, Percentiles decision, Percentiles endToEnd, double acceptedPerSecond,
        double settledPerSecond, double settledPerSecondLastTen, double sendSeconds, double settleSeconds,
        LossAccounting loss, StackMemory.Sample memoryPeak, boolean memoryMeasured) {

    String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "result", "target", "verdict"});
        String measured = options.warmup().isZero() ? ""
                : ", after " + LoadGenerator.human(options.warmup()) + " warm-up";
        rows.add(new String[] {"decision latency p50 / p95 / p99 / max (n=" + decision.count() + measured + ")",
                ms(decision.p50()) + " / " + ms(decision.p95()) + " / " + ms(decision.p99()) + " / "
                        + ms(decision.max()) + " ms",
                "p99 <= 50 ms at 200 trades/s", decisionVerdict()});
        rows.add(new String[] {"end-to-end latency p50 / p95 / p99 / max (n=" + endToEnd.count() + measured + ")",
                ms(endToEnd.p50()) + " / " + ms(endToEnd.p95()) + " / " + ms(endToEnd.p99()) + " / "
                        + ms(endToEnd.max()) + " ms",
                "-", "-"});
        rows.add(new String[] {"throughput",
                String.format(Locale.ROOT, "offered %,d/s; accepted %,.1f/s over %.1f s; settled %,.1f/s over %.1f s "
                                + "(%,.1f/s in the last 10 s of offering)", options.rate(), acceptedPerSecond,
                        sendSeconds, settledPerSecond, settleSeconds, settledPerSecondLastTen),
                ">= 1,000 trades/s end to end for 60 s, zero loss", throughputVerdict()});
        rows.add(new String[] {"loss: sent / accepted / decided / settled / ledger / dashboard",
                String.format(Locale.ROOT, "%,d / %,d / %,d / %,d / %,d (%,d settled) / %s", sent, loss.accepted(),
                        loss.decided(), loss.settled(), loss.ledgerRows(), loss.ledgerSettled(),
                        loss.dashboardDelta() == null ? "?" : "+" + loss.dashboardDelta()),
                "accepted = decided = settled = ledger = dashboard", loss.zeroLoss() ? "met"
                : "MISSED: " + loss.lost() + " lost, " + loss.violations().size() + " violation(s)"});
        rows.add(new String[] {"duplicates: ledger rows / second settlements (same event re-sent)",
                loss.duplicateLedgerRows() + " / " + loss.duplicateSettledEvents() + " ("
                        + loss.republishedSettledEvents() + ")", "0 / 0",
                loss.duplicateLedgerRows() + loss.duplicateSettledEvents() == 0 ? "met" : "MISSED"});
        rows.add(new String[] {"stack resident memory, peak (processes)",
                memoryMeasured && memoryPeak.processes() > 0
                        ? String.format(Locale.ROOT, "RSS %.2f GiB (PSS %.2f GiB), %d processes", gib(memoryPeak.rssKb()),
                        gib(memoryPeak.pssKb()), memoryPeak.processes())
                        : "not measured (no process matching " + options.stackPatterns() + ")",
                "< 3 GiB", memoryVerdict()});
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append("| ");
            for (int i = 0; i < 4; i++) {
                out.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i])).append(i < 3 ? " | " : " |");
            }
            out.append(System.lineSeparator());
            if (r == 0) {
                out.append("|");
                for (int i = 0; i < 4; i++) {
                    out.append("-".repeat(widths[i] + 2)).append("|");
                }
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    String decisionVerdict() {
        if (decision.count() == 0) {
            return "no answers";
        }
        String at = options.rate() == LoadGenerator.DECISION_TARGET_RATE ? ""
                : " (target defined at 200/s; this run offered " + options.rate() + "/s)";
        long measured = sent - options.warmupRequests();
        long undecided = measured - decision.count();
        if (undecided > 0) {
            // Latency is of decided requests only: say how many got no decision (shed with 503, failed), so a run
            // that refuses most requests cannot look fast.
            at += String.format(Locale.ROOT, " (of decided requests only; %,d of %,d got no decision)", undecided, measured);
        }
        if (decision.p99() <= LoadGenerator.DECISION_P99_TARGET_NANOS) {
            return "met" + at;
        }
        long over = decision.p99() - LoadGenerator.DECISION_P99_TARGET_NANOS;
        return String.format(Locale.ROOT, "MISSED by %s ms (%.1fx the target)%s", ms(over),
                decision.p99() / (double) LoadGenerator.DECISION_P99_TARGET_NANOS, at);
    }

    String throughputVerdict() {
        boolean exercised = options.rate() >= LoadGenerator.THROUGHPUT_TARGET
                && options.duration().compareTo(LoadGenerator.THROUGHPUT_TARGET_DURATION) >= 0;
        List<String> misses = new ArrayList<>();
        if (settledPerSecond < LoadGenerator.THROUGHPUT_TARGET) {
            misses.add(String.format(Locale.ROOT, "settled %,.0f/s, %.0f/s (%.0f %%) short", settledPerSecond,
                    LoadGenerator.THROUGHPUT_TARGET - settledPerSecond,
                    100 * (LoadGenerator.THROUGHPUT_TARGET - settledPerSecond) / LoadGenerator.THROUGHPUT_TARGET));
        }
        if (acceptedPerSecond < LoadGenerator.THROUGHPUT_TARGET) {
            misses.add(String.format(Locale.ROOT, "accepted %,.0f/s", acceptedPerSecond));
        }
        if (!loss.zeroLoss()) {
            misses.add(loss.lost() + " trades lost");
        }
        if (!exercised) {
            return "not exercised (needs --rate>=1000 --duration>=60s)"
                    + (misses.isEmpty() ? "" : "; at this rate: " + String.join(", ", misses));
        }
        return misses.isEmpty() ? "met" : "MISSED: " + String.join("; ", misses);
    }

    String memoryVerdict() {
        if (!memoryMeasured || memoryPeak.processes() == 0) {
            return "not measured";
        }
        if (memoryPeak.rssKb() < LoadGenerator.MEMORY_TARGET_KB) {
            return String.format(Locale.ROOT, "met (%.2f GiB to spare)", gib(LoadGenerator.MEMORY_TARGET_KB - memoryPeak.rssKb()));
        }
        return String.format(Locale.ROOT, "MISSED by %.2f GiB RSS%s", gib(memoryPeak.rssKb() - LoadGenerator.MEMORY_TARGET_KB),
                memoryPeak.pssKb() < LoadGenerator.MEMORY_TARGET_KB ? " (met by PSS)" : "");
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static double gib(long kb) {
        return kb / 1024.0 / 1024.0;
    }
}
