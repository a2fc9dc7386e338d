package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.outbound.PayloadSettings;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint that receives events: where to send them, which event types, and how it has fared.
 *
 * @param token the bearer token sent as {@code Authorization}, or null
 * @param secret the signing secret, {@code whsec_} + base64 of random bytes
 * @param lastStatus the HTTP status of the last attempt, or null if it got no response or none was made
 * @param previousSecret after a rotation, the old secret, which keeps signing until {@code previousSecretExpiresAt}
 * @param disabledReason why the host turned the webhook off (410 Gone, failing too long), or null
 * @param payload the body format, template, custom headers and event filter
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
        Instant lastAttemptAt,
        String previousSecret,
        Instant previousSecretExpiresAt,
        String disabledReason,
        Instant disabledAt,
        PayloadSettings payload) {

    public Webhook {
        events = List.copyOf(events);
        payload = payload == null ? PayloadSettings.DEFAULT : payload;
    }

    Webhook withEvents(List<String> subscribed) {
        return new Webhook(id, name, url, subscribed, enabled, token, secret, createdAt, updatedAt, okCount,
                failedCount, lastStatus, lastError, lastAttemptAt, previousSecret, previousSecretExpiresAt,
                disabledReason, disabledAt, payload);
    }

    /** @return the secrets that sign a request sent at {@code now}: the current one, and the previous while it overlaps */
    public List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    public boolean hasToken() {
        return token != null;
    }

    /** @return the draft this webhook was made from, to apply changes to */
    public WebhookDraft toDraft() {
        return new WebhookDraft(name, url, events, enabled, token, payload);
    }
}
