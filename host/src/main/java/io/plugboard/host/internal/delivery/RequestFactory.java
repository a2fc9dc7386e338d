package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.webhooks.Webhook;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the request for one attempt: the envelope, and the Standard Webhooks headers. The
 * {@code webhook-id} is the event id, the same for every attempt; timestamp and signature are fresh.
 */
public final class RequestFactory {

    private final Envelope envelope;
    private final String userAgent;

    public RequestFactory(Envelope envelope, String hostVersion) {
        this.envelope = envelope;
        this.userAgent = "Plugboard/" + hostVersion;
    }

    public WebhookRequest build(Webhook webhook, StoredEvent event, Instant now) {
        byte[] body = envelope.body(event);
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", userAgent);
        headers.put("webhook-id", event.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signer.header(webhook.signingSecrets(now), event.id(), timestamp, body));
        if (webhook.hasToken()) {
            headers.put("Authorization", "Bearer " + webhook.token());
        }
        return new WebhookRequest(URI.create(webhook.url()), headers, body);
    }

    /** @return the headers as they may be stored and shown: the bearer token masked */
    public static Map<String, String> masked(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.computeIfPresent("Authorization", (k, v) -> "Bearer ****");
        return out;
    }
}
