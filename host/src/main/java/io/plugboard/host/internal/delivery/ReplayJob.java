package io.plugboard.host.internal.delivery;

import java.time.Instant;

/**
 * A bulk replay and how far it got.
 *
 * @param status {@code running} or {@code completed}
 * @param total how many deliveries the filter matched when the job was created
 * @param queued how many have been queued again so far
 */
public record ReplayJob(String id, ReplayFilter filter, String status, long total, long queued, Instant createdAt,
                        Instant updatedAt, Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";

    /** @return whole percent done, for the progress bar */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, queued * 100 / total);
    }
}
