package io.plugboard.host.internal.events;

import io.plugboard.host.internal.common.ConflictException;

/**
 * An idempotency key given with an event other than the one it already stands for (another type or
 * other data): a second, different event under a key that promises "this event, once". Nothing of the
 * emit is stored. Answered with 409.
 */
public final class IdempotencyConflictException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final int earlierPosition;

    /**
     * @param position the refused event's index in its emit
     * @param earlierPosition the index of the event of the same emit that took the key first, or -1
     *     when an earlier emit took it
     */
    IdempotencyConflictException(String key, int position, int earlierPosition) {
        super(earlierPosition >= 0
                ? "idempotency key '" + key + "' is given to two different events of this batch (positions "
                        + earlierPosition + " and " + position + ", counting from 0); give each event its own key"
                : "idempotency key '" + key + "' was used within the last " + IdempotencyKeys.WINDOW.toHours()
                        + " hours for a different event (another type or other data); use a new key for a new event");
        this.position = position;
        this.earlierPosition = earlierPosition;
    }

    /** @return the refused event's index in its emit (0 for a single event) */
    public int position() {
        return position;
    }

    /** @return the index of the event of the same emit that took the key first, or -1 */
    public int earlierPosition() {
        return earlierPosition;
    }
}
