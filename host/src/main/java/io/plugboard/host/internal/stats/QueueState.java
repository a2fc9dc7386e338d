package io.plugboard.host.internal.stats;

/**
 * The queue now: deliveries waiting (due or retrying later), and how long the oldest due one has
 * waited past its time (0 when none is due).
 */
public record QueueState(long pending, long due, long oldestDueMs) {}
