package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.payloads.TemplateProblem;
import io.plugboard.host.internal.outbound.Webhook;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * "Send test event": stores a test event (the type's sample unless a payload is given), posts it to
 * one webhook synchronously, signed like any delivery, records the attempt in the delivery log and
 * returns what the endpoint answered. A test is attempted once, never retried.
 */
public final class TestSender {

    /** The source recorded for test events. */
    public static final String SOURCE = "test";

    private final EventService events;
    private final DeliveryStore deliveries;
    private final RequestFactory requests;
    private final DestinationSender sender;
    private final CompletionWriter writer;
    private final Ids ids;
    private final Clock clock;

    TestSender(EventService events, DeliveryStore deliveries, RequestFactory requests, DestinationSender sender,
               CompletionWriter writer, Ids ids, Clock clock) {
        this.events = events;
        this.deliveries = deliveries;
        this.requests = requests;
        this.sender = sender;
        this.writer = writer;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param eventType the event key to send; null means the webhook's first subscribed event
     * @param payload the event data; null means the type's sample payload
     * @throws io.plugboard.sdk.InvalidEventException if the type is unknown or the payload is refused
     */
    public TestResult send(Webhook webhook, String eventType, JsonNode payload) {
        String type = eventType != null ? eventType : webhook.events().get(0);
        RegisteredEventType registered = events.requireType(type);
        StoredEvent event = events.store(SOURCE, type, payload != null ? payload : registered.sample());
        DueDelivery delivery = deliveries.createTest(webhook.id(), event);
        Instant at = clock.instant();
        WebhookRequest request;
        SendResult result;
        try {
            request = requests.build(webhook, event, at);
            result = sender.send(webhook, request, event);
        } catch (TemplateProblem e) {
            // Recorded like the dispatcher records it: a failed attempt saying why, not an error page.
            request = WebhookRequest.unbuilt(requests.target(webhook));
            result = SendResult.noResponse(0, "the request could not be built: " + e.getMessage());
        }
        Attempt attempt = new Attempt(ids.next("att"), delivery, request, result, at, false);
        writer.write(List.of(attempt));
        return new TestResult(attempt.id(), event.id(), type, result);
    }
}
