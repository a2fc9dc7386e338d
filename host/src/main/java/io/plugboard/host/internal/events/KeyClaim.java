package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.common.ValidationException;
import java.time.Instant;

/**
 * One event's claim on its idempotency key, for {@link IdempotencyKeys#claimAll}: the key rides with
 * the accepted event into the transaction that writes it.
 *
 * @param key the idempotency key, or null for an event without one (always stored)
 * @param fingerprint what the key is checked against ({@link EventFingerprint}), or null without a key
 * @param eventId the id the event gets if the key is new
 * @param at when the event was accepted: the key's window starts here
 */
public record KeyClaim(String key, String fingerprint, String eventId, Instant at) {

    /**
     * @param key the event's idempotency key, or null
     * @throws ValidationException if the key is not a valid one
     */
    public static KeyClaim of(String key, String type, JsonNode data, StoredEvent accepted) {
        if (key == null) {
            return new KeyClaim(null, null, accepted.id(), accepted.createdAt());
        }
        String problem = IdempotencyKeys.problem(key);
        if (problem != null) {
            throw ValidationException.of("idempotency_key", problem);
        }
        return new KeyClaim(key, EventFingerprint.of(type, data), accepted.id(), accepted.createdAt());
    }
}
