package io.plugboard.host.internal.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint that receives events: where to send them, which event types, and how it has fared.
 *
 * @param token the bearer token sent as {@code Authorization}, or null
 * @param secret the signing secret, {@code whsec_} + base64 of random bytes
 * @param lastStatus the HTTP status of the last attempt, or null if it got no response or none was made
 */
public record Webhook(
        String id,
        String name,
        String url,
        List<String> events,
        boolean enabled,
        String token,
        String secret,
        Instant createdAt,
        Instant updatedAt,
        long okCount,
        long failedCount,
        Integer lastStatus,
        String lastError,
        Instant lastAttemptAt) {

    public Webhook {
        events = List.copyOf(events);
    }

    public boolean hasToken() {
        return token != null;
    }

    /** @return the draft this webhook was made from, to apply changes to */
    public WebhookDraft toDraft() {
        return new WebhookDraft(name, url, events, enabled, token);
    }
}
