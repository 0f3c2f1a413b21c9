package io.otcrouter.loadgen;

import java.util.Arrays;

/** Latency summary by the nearest-rank method: the p-th percentile is the smallest value with p % at or below it. */
record Percentiles(int count, long p50, long p95, long p99, long max, double mean) {

    static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0);

    /** @param values latencies in any unit; the array is not modified */
    static Percentiles of(long[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1], sum / sorted.length);
    }

    /** Nearest rank: index ceil(p/100 × n) − 1 of the sorted values. */
    static long rank(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
