package io.plugboard.host.internal.outbound;

import java.time.Instant;
import java.util.List;

/**
 * A webhook's signing secrets: the current one and, after a rotation, the previous one, which keeps
 * signing alongside it until {@code previousExpiresAt} so receivers can switch without missing a delivery.
 *
 * @param current {@code whsec_} + base64 of random bytes
 * @param previous the secret before the last rotation, or null
 * @param previousExpiresAt until when {@code previous} signs too, or null
 */
public record WebhookSecrets(String current, String previous, Instant previousExpiresAt) {

    /** @return a new webhook's secrets: {@code current} alone */
    public static WebhookSecrets of(String current) {
        return new WebhookSecrets(current, null, null);
    }

    /** @return the secrets that sign a request sent at {@code now}: the current one, and the previous while it overlaps */
    public List<String> signingAt(Instant now) {
        if (previous != null && previousExpiresAt != null && now.isBefore(previousExpiresAt)) {
            return List.of(current, previous);
        }
        return List.of(current);
    }

    /** Leaves the secrets out, so logging a webhook cannot leak them. */
    @Override
    public String toString() {
        return "WebhookSecrets[previousExpiresAt=" + previousExpiresAt + "]";
    }
}
