package io.plugboard.host.internal.delivery;

import java.util.List;

/**
 * One emit request {@link RestEmitLoad} sent: the markers of its events, in order, and how it ended:
 * acknowledged (202, with the ids answered), refused (any other status), or still in flight (no answer,
 * because the host was killed; it may or may not have been committed).
 */
final class SentRequest {

    /** What the request was. */
    enum Kind {
        SINGLE(false), KEYED_SINGLE(false), BATCH(true), CONFLICTING_BATCH(true);

        private final boolean batch;

        Kind(boolean batch) {
            this.batch = batch;
        }

        boolean batch() {
            return batch;
        }
    }

    /** How the request ended, as far as the client knows. */
    enum Outcome { IN_FLIGHT, ACKNOWLEDGED, REFUSED }

    private final Kind kind;
    private final List<String> markers;
    private volatile Outcome outcome = Outcome.IN_FLIGHT;
    private volatile List<String> ids = List.of();
    private volatile String refusal = "";

    SentRequest(Kind kind, List<String> markers) {
        this.kind = kind;
        this.markers = List.copyOf(markers);
    }

    void acknowledged(List<String> answeredIds) {
        ids = List.copyOf(answeredIds);
        outcome = Outcome.ACKNOWLEDGED;
    }

    void refused(int status, String body) {
        refusal = status + " " + body;
        outcome = Outcome.REFUSED;
    }

    Kind kind() {
        return kind;
    }

    List<String> markers() {
        return markers;
    }

    Outcome outcome() {
        return outcome;
    }

    /** @return the ids the host answered with, in the order of {@link #markers()}; empty unless acknowledged */
    List<String> ids() {
        return ids;
    }

    /** @return the status and body of a refusal, e.g. {@code 409 {...}} */
    String refusal() {
        return refusal;
    }

    @Override
    public String toString() {
        return kind + " " + markers.get(0).replaceAll("-0$", "") + " (" + markers.size() + " event(s), " + outcome + ")";
    }
}
