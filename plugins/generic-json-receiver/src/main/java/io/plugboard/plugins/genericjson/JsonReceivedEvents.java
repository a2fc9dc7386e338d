package io.plugboard.plugins.genericjson;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.List;
import org.pf4j.Extension;

/** The default event type of the generic JSON receiver, for JSON of any shape. */
@Extension
public class JsonReceivedEvents implements EventTypeProvider {

    static final String JSON_RECEIVED = "json_received";

    @Override
    public List<EventType> eventTypes() {
        return List.of(EventType.builder(JSON_RECEIVED).name("JSON received").group("Inbound")
                .description("A JSON document POSTed to a generic JSON inbound webhook, as it arrived or as mapped.")
                .sample("{\"id\": \"doc_1001\", \"order\": {\"id\": \"A-1001\", \"total\": 42.5}, "
                        + "\"source\": \"legacy-shop\", \"sent_at\": \"2026-11-22T10:00:00Z\"}")
                .schema("{\"type\": \"object\"}")
                .build());
    }
}
