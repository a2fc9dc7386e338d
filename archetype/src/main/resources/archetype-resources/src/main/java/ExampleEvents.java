package ${package};

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's event types. The sample payload and the JSON Schema are files in this jar; the host
 * checks the sample against the schema when the plugin loads, and every emitted event's data too.
 */
@Extension
public class ExampleEvents implements EventTypeProvider {

    /** The event key webhooks subscribe to: treat it as permanent once released. */
    public static final String EXAMPLE = "${eventKey}";

    @Override
    public List<EventType> eventTypes() {
        return List.of(EventType.builder(EXAMPLE)
                .name("Example happened")
                .description("Something happened in ${artifactId}; replace with when your event is emitted.")
                .group("${artifactId}")
                .sampleResource(ExampleEvents.class, "/samples/" + EXAMPLE + ".json")
                .schemaResource(ExampleEvents.class, "/schemas/" + EXAMPLE + ".schema.json")
                .build());
    }
}
