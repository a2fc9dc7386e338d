package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.events.Envelope;
import io.plugboard.host.internal.outbound.PayloadSettings;

/** The default format: the standard {@link Envelope}, spliced as text around the event's data. */
final class StandardFormat implements PayloadFormat {

    static final String ID = PayloadSettings.DEFAULT_FORMAT;

    private final Envelope envelope;

    StandardFormat(Envelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Standard envelope (id, type, timestamp, data)";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public RenderedBody render(RenderRequest request) {
        return RenderedBody.of(contentType(), envelope.body(request.event()));
    }
}
