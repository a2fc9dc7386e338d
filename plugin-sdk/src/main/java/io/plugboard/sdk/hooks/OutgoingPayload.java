package io.plugboard.sdk.hooks;

import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import java.util.Objects;

/**
 * The value of {@link CoreHooks#OUTGOING_PAYLOAD}: the {@code data} of one event about to be sent to
 * one webhook. A filter reads it with {@link #data()} and returns {@link #withData(JsonObject)} to send
 * other data, e.g. {@code p.withData(p.data().with("tenant", "acme"))}. The envelope's {@code id},
 * {@code type} and {@code timestamp} cannot be changed. The signature is computed over what is finally sent.
 *
 * <p>The data is read from its text only when a filter asks for {@link #data()}, so filters that look at
 * the ids only cost nothing. The text forms ({@link #dataJson()}, {@link #withData(String)}) stay for
 * filters written before; text that is not a JSON object makes the host send the data unchanged and log why.
 */
public final class OutgoingPayload {

    private final String eventId;
    private final String eventType;
    private final String webhookId;
    private final String dataJson;
    private JsonObject data;

    /**
     * @param eventId the event's id
     * @param eventType the event type's key
     * @param webhookId the webhook it is sent to
     * @param dataJson the event's data as JSON text
     */
    public OutgoingPayload(String eventId, String eventType, String webhookId, String dataJson) {
        this(eventId, eventType, webhookId, Objects.requireNonNull(dataJson, "data"), null);
    }

    /**
     * @param eventId the event's id
     * @param eventType the event type's key
     * @param webhookId the webhook it is sent to
     * @param data the event's data
     */
    public OutgoingPayload(String eventId, String eventType, String webhookId, JsonObject data) {
        this(eventId, eventType, webhookId, Objects.requireNonNull(data, "data").toJson(), data);
    }

    private OutgoingPayload(String eventId, String eventType, String webhookId, String dataJson, JsonObject data) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.webhookId = webhookId;
        this.dataJson = dataJson;
        this.data = data;
    }

    /** @return the event's id */
    public String eventId() { return eventId; }

    /** @return the event type's key */
    public String eventType() { return eventType; }

    /** @return the webhook it is sent to */
    public String webhookId() { return webhookId; }

    /**
     * @return the data as an object (read from the text on first use)
     * @throws io.plugboard.sdk.json.JsonException if an earlier filter set text that is not a JSON object
     */
    public JsonObject data() {
        JsonObject d = data;
        if (d == null) {
            d = Json.parseObject(dataJson);
            data = d;   // a benign race: every thread computes the same immutable value
        }
        return d;
    }

    /** @return the data as compact JSON text */
    public String dataJson() { return dataJson; }

    /** @param data the data to send instead @return this payload with other data */
    public OutgoingPayload withData(JsonObject data) {
        return new OutgoingPayload(eventId, eventType, webhookId, data);
    }

    /** @param json a JSON object, as text @return this payload with other data */
    public OutgoingPayload withData(String json) {
        return new OutgoingPayload(eventId, eventType, webhookId, json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutgoingPayload p && Objects.equals(eventId, p.eventId) && Objects.equals(eventType, p.eventType)
                && Objects.equals(webhookId, p.webhookId) && dataJson.equals(p.dataJson);
    }

    @Override
    public int hashCode() { return Objects.hash(eventId, eventType, webhookId, dataJson); }

    @Override
    public String toString() {
        return "OutgoingPayload[eventId=" + eventId + ", eventType=" + eventType + ", webhookId=" + webhookId
                + ", data=" + dataJson + "]";
    }
}
