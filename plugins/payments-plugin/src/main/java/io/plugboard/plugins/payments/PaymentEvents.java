package io.plugboard.plugins.payments;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.List;
import org.pf4j.Extension;

/** Contributes the payment event types; samples and schemas are JSON files inside this jar. */
@Extension
public class PaymentEvents implements EventTypeProvider {

    @Override
    public List<EventType> eventTypes() {
        return List.of(
                type("payment_received", "Payment received",
                        "A customer's payment was captured successfully."),
                type("payment_failed", "Payment failed",
                        "A payment attempt was declined or could not be processed."),
                type("payment_refunded", "Payment refunded",
                        "A captured payment was refunded in full or in part."));
    }

    private static EventType type(String key, String name, String description) {
        return EventType.builder(key)
                .name(name)
                .description(description)
                .group("Payments")
                .sampleResource(PaymentEvents.class, "/samples/" + key + ".json")
                .schemaResource(PaymentEvents.class, "/schemas/" + key + ".schema.json")
                .build();
    }
}
