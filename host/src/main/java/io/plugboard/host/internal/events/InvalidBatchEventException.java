package io.plugboard.host.internal.events;

import io.plugboard.sdk.InvalidEventException;
import java.util.List;

/**
 * The refusal of one event of a batch, saying which one and which of its fields, so that an API
 * answer can name it ({@code events[3].data}). Nothing of the batch is stored.
 */
public final class InvalidBatchEventException extends InvalidEventException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String field;
    private final String reason;

    /**
     * @param size how many events the batch has: a batch of one is refused as that one event
     * @param reason the event's refusal, without where it is
     */
    InvalidBatchEventException(int position, int size, String type, String field, String reason, List<String> problems) {
        super((size > 1 ? "event " + (position + 1) + " of " + size + " ('" + type + "'): " : "") + reason, problems);
        this.position = position;
        this.field = field;
        this.reason = reason;
    }

    /** @return the refused event's index in the batch, from 0 */
    public int position() {
        return position;
    }

    /** @return what is wrong with the event, without saying which event it is */
    public String reason() {
        return reason;
    }

    /** @return {@code type} (not a registered type) or {@code data} (refused data) */
    public String field() {
        return field;
    }
}
