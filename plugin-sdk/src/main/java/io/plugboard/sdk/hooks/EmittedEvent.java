package io.plugboard.sdk.hooks;

import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import java.time.Instant;

/**
 * The payload of {@link CoreHooks#EVENT_EMITTED}: an event the host has stored.
 *
 * @param id the event's id ({@code evt_…})
 * @param type the event type's key
 * @param source who emitted it: {@code app} or {@code plugin:<id>}
 * @param data the event's data, as JSON text
 * @param createdAt when it was accepted
 */
public record EmittedEvent(String id, String type, String source, String data, Instant createdAt) {

    /** @return {@link #data()} read as an object */
    public JsonObject dataObject() {
        return Json.parseObject(data);
    }
}
