package io.plugboard.sdk;

import io.plugboard.sdk.json.JsonObject;
import java.util.Map;

/**
 * Emits events into Plugboard, which stores them and delivers them to every subscribed webhook.
 *
 * <p>The same interface serves plugins (through {@link PluginContext#events()}) and applications that
 * embed the host. Emitting never waits for a webhook endpoint. Implementations are thread-safe.
 */
public interface EventEmitter {

    /**
     * Emits an event.
     *
     * @param type the key of a registered event type, e.g. {@code payment_received}
     * @param data the event's {@code data}: maps, lists, strings, numbers, booleans and nulls
     * @return the new event's id, {@code evt_…}
     * @throws InvalidEventException if the type is unknown or the data does not match the type's schema
     */
    String emit(String type, Map<String, ?> data);

    /**
     * Emits an event whose data is already JSON text.
     *
     * @param type the key of a registered event type
     * @param dataJson the event's {@code data}, a JSON object
     * @return the new event's id, {@code evt_…}
     * @throws InvalidEventException if the type is unknown, the text is not a JSON object, or it does
     *     not match the type's schema
     */
    String emitJson(String type, String dataJson);

    /**
     * Emits an event whose data is a {@link JsonObject}; numbers go in with their exact text.
     *
     * @param type the key of a registered event type
     * @param data the event's {@code data}
     * @return the new event's id, {@code evt_…}
     * @throws InvalidEventException if the type is unknown or the data does not match the type's schema
     */
    default String emit(String type, JsonObject data) {
        return emitJson(type, data == null ? null : data.toJson());
    }
}
