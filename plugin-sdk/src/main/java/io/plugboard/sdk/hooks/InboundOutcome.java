package io.plugboard.sdk.hooks;

import java.util.List;

/**
 * The payload of {@link CoreHooks#INBOUND_ACCEPTED} and {@link CoreHooks#INBOUND_REFUSED}: how one
 * request to an inbound webhook was answered. The body and headers are not included.
 *
 * @param inboundWebhookId the inbound webhook's id
 * @param receiver the receiver's id
 * @param status the HTTP status answered
 * @param reason null when accepted, else why it was refused (as the sender reads it)
 * @param eventIds the events it emitted (empty when refused, or for a handshake)
 */
public record InboundOutcome(String inboundWebhookId, String receiver, int status, String reason,
                             List<String> eventIds) {

    /** Copies the list. */
    public InboundOutcome {
        eventIds = List.copyOf(eventIds);
    }
}
