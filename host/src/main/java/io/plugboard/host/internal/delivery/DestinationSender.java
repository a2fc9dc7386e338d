package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookDestination;
import io.plugboard.host.internal.payloads.PayloadFormats;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a built request where its webhook delivers: the host's {@link HttpSender} for {@code http}, else
 * the plugin's destination ({@link PluginDestinationSender}). The one place the dispatcher, test sends and
 * the test console go through, so every destination gets the same retries, log and tests.
 */
final class DestinationSender implements AutoCloseable {

    private final HttpSender http;
    private final Destinations destinations;
    private final PayloadFormats formats;
    private final PluginDestinationSender plugins;
    private final AttemptSpans spans;

    DestinationSender(HttpSender http, Destinations destinations, PayloadFormats formats, DeliveryConfig settings,
                      AttemptSpans spans) {
        this.spans = spans;
        this.http = http;
        this.destinations = destinations;
        this.formats = formats;
        // Twice the slots: room for sends the host stopped waiting for, before new ones are refused.
        this.plugins = new PluginDestinationSender(settings.connectTimeout().plus(settings.requestTimeout()),
                2 * settings.maxInFlightTotal() + 2);
    }

    /**
     * @return whether the webhook's destination and payload format are there (their plugins active); the
     *     dispatcher leaves the deliveries of one that is not waiting, nothing is lost
     */
    boolean available(Webhook w) {
        return destinations.available(w.settings().destination()) && formats.find(w.settings().payload().format()).isPresent();
    }

    /** @return the result; the future never fails. The attempt's span ends with it. */
    CompletableFuture<SendResult> sendAsync(Webhook w, WebhookRequest built, StoredEvent event, int attempt) {
        Span span = spans.start(w, event, attempt);
        return dispatch(w, AttemptSpans.carrying(span, built), event, attempt)
                .whenComplete((result, e) -> AttemptSpans.end(span, result != null ? result
                        : SendResult.noResponse(0, String.valueOf(e))));
    }

    private CompletableFuture<SendResult> dispatch(Webhook w, WebhookRequest request, StoredEvent event, int attempt) {
        WebhookDestination d = w.settings().destination();
        if (d.isHttp()) {
            return http.sendAsync(request);
        }
        return destinations.find(d.type()).map(found -> plugins.send(found, w, request, event, attempt))
                .orElseGet(() -> CompletableFuture.completedFuture(SendResult.noResponse(0, "not sent: the destination '"
                        + d.type() + "' is not installed (its plugin is not active)")));
    }

    /** Sends and waits; for test sends and the test console. */
    SendResult send(Webhook w, WebhookRequest request, StoredEvent event) {
        return sendAsync(w, request, event, 1).join();
    }

    @Override
    public void close() {
        plugins.close();
        http.close();
    }
}
