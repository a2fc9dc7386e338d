package io.plugboard.sdk.inbound;

import io.plugboard.sdk.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event a {@link Receiver} found in a request: the key of a registered event type and its data as
 * a JSON object's text, optionally with the sender's id for it and when it happened.
 *
 * <p>An {@link #externalId() external id} makes receiving idempotent: when the same inbound webhook
 * receives an event with an id it has already turned into an event (a sender's retry), the host emits
 * nothing and answers with the earlier event's id.
 */
public final class ReceivedEvent {

    /** The longest {@link #externalId() external id} accepted, in characters. */
    public static final int MAX_EXTERNAL_ID = 200;

    private final String type;
    private final String dataJson;
    private final String externalId;
    private final Instant occurredAt;

    private ReceivedEvent(String type, String dataJson, String externalId, Instant occurredAt) {
        this.type = Objects.requireNonNull(type, "type");
        this.dataJson = Objects.requireNonNull(dataJson, "dataJson");
        if (externalId != null && (externalId.isBlank() || externalId.length() > MAX_EXTERNAL_ID)) {
            throw new IllegalArgumentException("an external id is 1-" + MAX_EXTERNAL_ID + " characters");
        }
        this.externalId = externalId;
        this.occurredAt = occurredAt;
    }

    /**
     * @param type the key of a registered event type, e.g. {@code alert_firing}
     * @param dataJson the event's data, a JSON object as text; checked against the type's schema
     * @return an event without external id or time
     */
    public static ReceivedEvent of(String type, String dataJson) {
        return new ReceivedEvent(type, dataJson, null, null);
    }

    /**
     * @param type the key of a registered event type
     * @param data the event's data; checked against the type's schema
     * @return an event without external id or time
     */
    public static ReceivedEvent of(String type, JsonObject data) {
        return of(type, Objects.requireNonNull(data, "data").toJson());
    }

    /**
     * @param id the sender's id for this event, 1 to {@link #MAX_EXTERNAL_ID} characters; a receiver
     *     checks an id it takes from the request first, and refuses a longer one as the sender's mistake
     *     ({@link UnparseableRequestException})
     * @return a copy with it
     * @throws IllegalArgumentException if the id is blank or too long
     */
    public ReceivedEvent withExternalId(String id) {
        return new ReceivedEvent(type, dataJson, id, occurredAt);
    }

    /** @param at when the sender says it happened @return a copy with it */
    public ReceivedEvent withOccurredAt(Instant at) {
        return new ReceivedEvent(type, dataJson, externalId, at);
    }

    /** @return the event type's key */
    public String type() { return type; }

    /** @return the data, a JSON object as text */
    public String dataJson() { return dataJson; }

    /** @return the sender's id for the event, if it has one */
    public Optional<String> externalId() { return Optional.ofNullable(externalId); }

    /** @return when the sender says it happened, if it says */
    public Optional<Instant> occurredAt() { return Optional.ofNullable(occurredAt); }
}
