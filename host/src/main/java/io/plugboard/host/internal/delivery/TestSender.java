package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.Ids;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.webhooks.Webhook;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Send test event": stores a test event (the type's sample unless a payload is given), posts it to
 * one webhook synchronously, records the attempt and returns what the endpoint answered.
 */
public final class TestSender {

    /** The source recorded for test events. */
    public static final String SOURCE = "test";

    private final EventService events;
    private final Envelope envelope;
    private final HttpSender http;
    private final AttemptStore attempts;
    private final Ids ids;
    private final Clock clock;
    private final String userAgent;

    public TestSender(EventService events, Envelope envelope, HttpSender http, AttemptStore attempts, Ids ids,
                      Clock clock, String hostVersion) {
        this.events = events;
        this.envelope = envelope;
        this.http = http;
        this.attempts = attempts;
        this.ids = ids;
        this.clock = clock;
        this.userAgent = "Plugboard/" + hostVersion;
    }

    /**
     * @param eventType the event key to send; null means the webhook's first subscribed event
     * @param payload the event data; null means the type's sample payload
     * @throws io.plugboard.sdk.InvalidEventException if the type is unknown or the payload is refused
     */
    public TestResult send(Webhook webhook, String eventType, JsonNode payload) {
        String type = eventType != null ? eventType : webhook.events().get(0);
        RegisteredEventType registered = events.requireType(type);
        StoredEvent event = events.emit(SOURCE, type, payload != null ? payload : registered.sample());
        SendResult result = http.send(new WebhookRequest(URI.create(webhook.url()), headers(webhook, event),
                envelope.body(event)));
        DeliveryAttempt attempt = new DeliveryAttempt(ids.next("att"), webhook.id(), event.id(), type,
                clock.instant(), result);
        attempts.record(attempt);
        return new TestResult(attempt.id(), event.id(), type, result);
    }

    private Map<String, String> headers(Webhook webhook, StoredEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", userAgent);
        headers.put("webhook-id", event.id());
        headers.put("webhook-timestamp", Long.toString(event.createdAt().getEpochSecond()));
        if (webhook.hasToken()) {
            headers.put("Authorization", "Bearer " + webhook.token());
        }
        return headers;
    }
}
