package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.payloads.Payloads;
import io.plugboard.host.internal.payloads.TemplateProblem;
import io.plugboard.host.internal.payloads.UsedSecrets;
import io.plugboard.host.internal.outbound.Webhook;
import java.time.Clock;
import java.time.Instant;

/**
 * The test console: sends an event type with a payload the admin wrote to one webhook, exactly as a
 * delivery would be built and signed, and returns the request (secrets masked) with the full
 * response. Nothing is stored: no event, no delivery, no attempt, no change to the webhook's counts.
 */
public final class TestConsole {

    private final EventService events;
    private final RequestFactory requests;
    private final Payloads payloads;
    private final DestinationSender sender;
    private final Clock clock;

    TestConsole(EventService events, RequestFactory requests, Payloads payloads, DestinationSender sender, Clock clock) {
        this.events = events;
        this.requests = requests;
        this.payloads = payloads;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * @param eventType null for the webhook's first event type
     * @param payload null for the type's sample
     * @throws io.plugboard.sdk.InvalidEventException if the type is unknown or the payload breaks its schema
     */
    public ConsoleResult send(Webhook webhook, String eventType, JsonNode payload) {
        String type = eventType != null ? eventType : webhook.events().get(0);
        JsonNode data = payload != null ? payload : events.requireType(type).sample();
        StoredEvent event = events.prepare(TestSender.SOURCE, type, data);
        UsedSecrets used = payloads.forRequest(webhook.appId());
        WebhookRequest request;
        Instant now = clock.instant();
        try {
            request = requests.build(webhook, event, now, used);
        } catch (TemplateProblem e) {
            throw ValidationException.of("payload", "the request could not be built: " + e.getMessage());
        }
        SendResult r = sender.send(webhook, request, event);
        // An endpoint that echoes what it got must not reveal the secrets either.
        SendResult shown = new SendResult(r.success(), r.responseStatus(), used.mask(r.responseHeaders()),
                used.mask(r.responseBody()), r.durationMs(), used.mask(r.error()), r.retryAfter(), r.ending());
        return new ConsoleResult(event.id(), type, ShownRequest.of(request, used), shown);
    }
}
