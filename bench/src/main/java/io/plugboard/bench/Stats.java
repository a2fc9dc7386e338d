package io.plugboard.bench;

import java.util.Arrays;

/** Percentiles of a sample of durations in nanoseconds, reported in milliseconds. */
final class Stats {

    private Stats() {}

    static double percentileMs(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
}
