package io.plugboard.host.internal.delivery;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.tracing.Tracing;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The span of one delivery attempt: a child of the span that emitted the event (its stored
 * {@code traceparent}), carried to the endpoint in the request's own {@code traceparent} header, ended
 * with the attempt's outcome.
 */
final class AttemptSpans {

    static final String HEADER = "traceparent";

    private final Tracing tracing;

    AttemptSpans(Tracing tracing) {
        this.tracing = tracing;
    }

    Span start(Webhook w, StoredEvent event, int attempt) {
        Span span = tracing.start("plugboard.attempt", SpanKind.CLIENT, tracing.from(event.traceparent()));
        if (span.isRecording()) {
            span.setAttribute("plugboard.webhook.id", w.id());
            span.setAttribute("plugboard.event.id", event.id());
            span.setAttribute("plugboard.event.type", event.type());
            span.setAttribute("plugboard.delivery.attempt", attempt);
        }
        return span;
    }

    /** @return the request with the span's {@code traceparent} (shown in the log too: it is no secret) */
    static WebhookRequest carrying(Span span, WebhookRequest request) {
        String traceparent = Tracing.traceparent(span.getSpanContext());
        if (traceparent == null) {
            return request;
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(HEADER, traceparent);
        Map<String, String> shown = new LinkedHashMap<>(request.shownHeaders());
        shown.put(HEADER, traceparent);
        return new WebhookRequest(request.url(), request.target(), headers, request.body(), shown, request.access(),
                request.app());
    }

    static void end(Span span, SendResult result) {
        if (span.isRecording()) {
            if (result.responseStatus() != null) {
                span.setAttribute("http.response.status_code", result.responseStatus());
            }
            if (!result.success()) {
                span.setStatus(StatusCode.ERROR, result.error() == null ? "" : result.error());
            }
        }
        span.end();
    }
}
