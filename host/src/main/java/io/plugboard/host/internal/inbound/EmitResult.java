package io.plugboard.host.internal.inbound;

import java.util.List;

/**
 * What emitting a receiver's events came to; {@link InboundReceiving} turns it into the answer. A
 * refusal counts as a parse error: the request could not be turned into events.
 */
sealed interface EmitResult {

    /** The events are stored (or were received before); one id per event, in the receiver's order. */
    record Emitted(List<String> eventIds) implements EmitResult {}

    /**
     * Nothing was stored.
     *
     * @param kind {@code parse_error} (the sender's data, 400) or {@code failed} (the receiver or the store, 500)
     */
    record Refused(int status, String kind, String message) implements EmitResult {

        static Refused parseError(String message) {
            return new Refused(400, "parse_error", message);
        }

        static Refused failed(String message) {
            return new Refused(500, "failed", message);
        }
    }
}
