package io.plugboard.host.internal.stats;

import java.time.Instant;

/**
 * Attempts within one interval (or a whole range), by what came of them, and their latency
 * percentiles estimated from the per-minute histograms (null when there was no attempt).
 *
 * @param retried attempts that failed and were tried again later
 * @param failed attempts after which the delivery failed for good
 */
public record Interval(Instant start, long succeeded, long retried, long failed, Long p50Ms, Long p95Ms) {

    public long attempts() {
        return succeeded + retried + failed;
    }
}
