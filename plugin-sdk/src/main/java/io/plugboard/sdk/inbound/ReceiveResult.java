package io.plugboard.sdk.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Receiver#parse} returns: either events to emit, or a handshake answer (a subscription
 * confirmation, a challenge echo) that the host sends back as it is, emitting nothing.
 */
public final class ReceiveResult {

    /** The answer to a handshake request. */
    public record Handshake(int status, String contentType, String body) {
        /**
         * @param status 200–299
         * @param contentType e.g. {@code text/plain; charset=utf-8}
         * @param body the body to answer with, at most 64 KB
         */
        public Handshake {
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("a handshake answers with a 2xx status, not " + status);
            }
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            if (body.length() > 65_536) {
                throw new IllegalArgumentException("a handshake body is at most 64 KB");
            }
        }
    }

    private final List<ReceivedEvent> events;
    private final Handshake handshake;

    private ReceiveResult(List<ReceivedEvent> events, Handshake handshake) {
        this.events = events;
        this.handshake = handshake;
    }

    /**
     * @param events the events to emit, in order; may be empty (the request is accepted, nothing emitted)
     * @return the result; the host emits all of them or, if one is refused, none
     */
    public static ReceiveResult events(List<ReceivedEvent> events) {
        return new ReceiveResult(List.copyOf(events), null);
    }

    /**
     * @param status the status to answer with, 2xx
     * @param contentType the body's content type
     * @param body the body to answer with
     * @return a handshake result: the host answers with it and emits nothing
     */
    public static ReceiveResult handshake(int status, String contentType, String body) {
        return new ReceiveResult(List.of(), new Handshake(status, contentType, body));
    }

    /** @return the events to emit; empty for a handshake */
    public List<ReceivedEvent> events() { return events; }

    /** @return the handshake answer, if this is one */
    public Optional<Handshake> handshake() { return Optional.ofNullable(handshake); }
}
