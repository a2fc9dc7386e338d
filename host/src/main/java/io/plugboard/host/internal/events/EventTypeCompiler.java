package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.EventType;
import io.plugboard.verifier.schema.EventTypeSchemas;
import io.plugboard.verifier.schema.InvalidSchemaException;

/**
 * Turns an SDK {@link EventType} into a {@link RegisteredEventType}: its sample and schema checked by the
 * verifier's {@link EventTypeSchemas} (the one check the Maven goal and the testkit run too), with the
 * host's mapper, which keeps numbers exact.
 */
public final class EventTypeCompiler {

    private final EventTypeSchemas schemas;

    public EventTypeCompiler(ObjectMapper mapper) {
        this.schemas = new EventTypeSchemas(mapper);
    }

    /**
     * @throws InvalidEventTypeException saying what is wrong with the sample or the schema
     */
    public RegisteredEventType compile(EventType type, String pluginId) {
        EventTypeSchemas.Checked checked;
        try {
            checked = schemas.check(type);
        } catch (InvalidSchemaException e) {
            throw new InvalidEventTypeException(e.getMessage());
        }
        return new RegisteredEventType(type.key(), type.name(), type.description(), type.group(), pluginId,
                checked.sample(), checked.schemaJson(), checked.schema(), type.broadcast());
    }
}
