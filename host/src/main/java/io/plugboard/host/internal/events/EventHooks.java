package io.plugboard.host.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.EmittedEvent;
import io.plugboard.sdk.hooks.IncomingEvent;
import io.plugboard.sdk.hooks.RefusedEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event hooks of {@link EventService}: {@code event_to_store} (change or veto), {@code event_refused}
 * and {@code event_stored}. Each is one map lookup when nobody listens; null hooks fire nothing.
 */
final class EventHooks {

    private static final Logger log = LoggerFactory.getLogger(EventHooks.class);

    private final HookRunner hooks;
    private final ObjectMapper mapper;

    EventHooks(HookRunner hooks, ObjectMapper mapper) {
        this.hooks = hooks;
        this.mapper = mapper;
    }

    /**
     * @return the data the filters leave (the same node when none listens or none changed it)
     * @throws InvalidEventException with the veto's reason
     */
    JsonNode toStore(String source, String type, JsonNode data, String json) {
        if (hooks == null || !hooks.has(CoreHooks.EVENT_TO_STORE)) {
            return data;
        }
        IncomingEvent filtered = hooks.applyFilters(CoreHooks.EVENT_TO_STORE, new IncomingEvent(type, source, json, null));
        if (filtered.vetoed()) {
            throw new InvalidEventException(filtered.vetoReason(), List.of());
        }
        if (filtered.data().equals(json)) {
            return data;
        }
        try {
            JsonNode changed = mapper.readTree(filtered.data());
            if (changed != null && changed.isObject()) {
                return changed;
            }
        } catch (JsonProcessingException e) {
            // fall through: not JSON
        }
        log.warn("The event_to_store filters made the data of a '{}' event from {} something other than a JSON "
                + "object; it is stored unchanged", type, source);
        return data;
    }

    void refused(String source, String type, String reason) {
        if (hooks != null && hooks.has(CoreHooks.EVENT_REFUSED)) {
            hooks.doAction(CoreHooks.EVENT_REFUSED, new RefusedEvent(type, source, reason));
        }
    }

    void stored(List<StoredEvent> events) {
        if (hooks != null && hooks.has(CoreHooks.EVENT_STORED)) {
            for (StoredEvent e : events) {
                hooks.doAction(CoreHooks.EVENT_STORED, new EmittedEvent(e.id(), e.type(), e.source(), e.data(), e.createdAt()));
            }
        }
    }
}
