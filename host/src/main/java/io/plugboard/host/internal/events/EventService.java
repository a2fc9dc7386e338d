package io.plugboard.host.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.Ids;
import io.plugboard.sdk.InvalidEventException;
import java.time.Clock;
import java.util.List;

/**
 * Accepts events: checks the type is registered and the data is a JSON object that satisfies the
 * type's schema, then stores the event. Delivery to webhooks happens elsewhere, never here.
 */
public final class EventService {

    /** The largest {@code data} accepted, as serialized JSON. */
    public static final int MAX_DATA_BYTES = 512 * 1024;

    private final EventTypeRegistry registry;
    private final EventStore store;
    private final ObjectMapper mapper;
    private final Ids ids;
    private final Clock clock;

    public EventService(EventTypeRegistry registry, EventStore store, ObjectMapper mapper, Ids ids, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.mapper = mapper;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @throws InvalidEventException if the type is unknown or the data is refused; nothing is stored then
     */
    public StoredEvent emit(String source, String type, JsonNode data) {
        RegisteredEventType registered = requireType(type);
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("event data must be a JSON object", List.of());
        }
        String json = serialize(data);
        if (json.length() > MAX_DATA_BYTES) {
            throw new InvalidEventException("event data is larger than " + MAX_DATA_BYTES / 1024 + " KB", List.of());
        }
        List<String> problems = registered.validate(data);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("event data does not match the schema of '" + type + "'", problems);
        }
        StoredEvent event = new StoredEvent(ids.next("evt"), type, json, source, clock.instant());
        store.insert(event);
        return event;
    }

    /** @throws InvalidEventException naming the unknown type */
    public RegisteredEventType requireType(String type) {
        return registry.find(type).orElseThrow(() -> new InvalidEventException(
                type == null || type.isBlank()
                        ? "event type is required"
                        : "unknown event type '" + type + "'; GET /api/v1/event-types lists the registered types",
                List.of()));
    }

    private String serialize(JsonNode data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event data cannot be serialized: " + e.getOriginalMessage(), List.of());
        }
    }
}
