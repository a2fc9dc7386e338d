package io.plugboard.host.internal.delivery;

import java.util.Arrays;

/**
 * The fixed latency histogram kept per minute (columns {@code latency_00} … {@code latency_19} of
 * {@code attempt_minutes}). Percentiles over any range are read from the summed counts: the bucket
 * holding the wanted rank is found exactly, and the value is interpolated linearly inside it, so a
 * reported percentile lies in the same bucket as the true one. The bounds grow by about 1.5× to 2×,
 * so the error is at most the bucket's width (e.g. a true 120 ms may read anywhere in 100–150 ms);
 * the last bucket is open (30 s and more) and reads as its lower bound.
 */
public final class LatencyBuckets {

    /** Upper bounds in milliseconds, exclusive; the last bucket has none. */
    private static final long[] UPPER = {5, 10, 15, 25, 40, 60, 100, 150, 250, 400, 600, 1_000, 1_500, 2_500,
        4_000, 6_000, 10_000, 15_000, 30_000};

    /** How many buckets (columns) there are. */
    public static final int COUNT = UPPER.length + 1;

    private LatencyBuckets() {}

    /** @return the bucket an attempt of this duration is counted in */
    public static int of(long durationMs) {
        int i = Arrays.binarySearch(UPPER, durationMs);
        // Found: the value equals an (exclusive) upper bound, so it belongs to the next bucket.
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** @return the column holding bucket {@code i} */
    public static String column(int i) {
        return String.format("latency_%02d", i);
    }

    /**
     * @param counts summed counts per bucket
     * @param percentile 0 < p ≤ 100
     * @return the estimated percentile in milliseconds, or null when nothing was counted
     */
    public static Long percentile(long[] counts, double percentile) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return null;
        }
        // The rank of the wanted value, from 1, as the nearest-rank method defines it.
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (seen + counts[i] >= rank) {
                long lower = i == 0 ? 0 : UPPER[i - 1];
                if (i == UPPER.length) {
                    return lower;
                }
                double within = (rank - seen - 0.5) / counts[i];
                // Floored, so the estimate never reaches the exclusive upper bound: it stays in the right bucket.
                return (long) Math.floor(lower + within * (UPPER[i] - lower));
            }
            seen += counts[i];
        }
        throw new IllegalStateException("unreachable: the rank is within the total");
    }
}
