package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fixed histogram: which bucket a duration falls in, and percentiles read back from counts. */
class TestLatencyBuckets {

    @Test
    void boundsAreExclusiveAboveAndTheLastBucketIsOpen() {
        assertThat(LatencyBuckets.of(0)).isZero();
        assertThat(LatencyBuckets.of(4)).isZero();
        assertThat(LatencyBuckets.of(5)).isEqualTo(1);
        assertThat(LatencyBuckets.of(149)).isEqualTo(LatencyBuckets.of(100));
        assertThat(LatencyBuckets.of(150)).isEqualTo(LatencyBuckets.of(100) + 1);
        assertThat(LatencyBuckets.of(29_999)).isEqualTo(LatencyBuckets.COUNT - 2);
        assertThat(LatencyBuckets.of(600_000)).isEqualTo(LatencyBuckets.COUNT - 1);
    }

    @Test
    void nothingCountedHasNoPercentile() {
        assertThat(LatencyBuckets.percentile(new long[LatencyBuckets.COUNT], 50)).isNull();
    }

    @Test
    void aPercentileFromTheCountsFallsInTheBucketOfTheExactOne() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            int n = 1 + random.nextInt(2_000);
            long[] durations = new long[n];
            long[] counts = new long[LatencyBuckets.COUNT];
            for (int i = 0; i < n; i++) {
                // Log-uniform from 1 ms to about 60 s, so every bucket gets some.
                durations[i] = (long) Math.exp(random.nextDouble() * Math.log(60_000));
                counts[LatencyBuckets.of(durations[i])]++;
            }
            Arrays.sort(durations);
            for (double p : new double[] {50, 95, 99, 100}) {
                long exact = durations[(int) Math.ceil(p / 100 * n) - 1]; // nearest rank
                Long estimate = LatencyBuckets.percentile(counts, p);
                assertThat(LatencyBuckets.of(estimate)).as("p%s of %d durations (exact %d ms, read %d ms)", p, n, exact, estimate)
                        .isEqualTo(LatencyBuckets.of(exact));
            }
        }
    }
}
