package io.plugboard.host.docs.authors;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import io.plugboard.sdk.json.JsonObject;
import java.util.List;
import org.pf4j.Extension;

/**
 * The event type provider of docs/plugin-authors.md ("Event types"), compiled here; {@code TestDocSnippets}
 * compares the region with the document.
 */
// snippet:event-type-provider
@Extension
public class ShippingEvents implements EventTypeProvider {

    @Override
    public List<EventType> eventTypes() {
        return List.of(EventType.builder("shipment_sent")
                .name("Shipment sent")
                .description("A parcel left the warehouse.")
                .group("Shipping")
                .sample(JsonObject.of("shipment_id", "shp_1", "order_id", "ord_1", "carrier", "DHL",
                        "sent_at", "2026-11-22T08:00:00Z"))
                .schemaResource(ShippingEvents.class, "/schemas/shipment_sent.schema.json")
                .build());
    }
}
// end:event-type-provider
