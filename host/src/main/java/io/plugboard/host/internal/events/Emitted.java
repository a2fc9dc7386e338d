package io.plugboard.host.internal.events;

/**
 * What became of one event of an emit: the id that stands for it, and whether that is an earlier
 * event's, stored by an emit with the same idempotency key within its window (a replay: nothing new
 * was stored, no delivery made).
 */
public record Emitted(String id, boolean replayed) {

    /** @return the outcome of an event stored now under its own id */
    static Emitted stored(String id) {
        return new Emitted(id, false);
    }
}
