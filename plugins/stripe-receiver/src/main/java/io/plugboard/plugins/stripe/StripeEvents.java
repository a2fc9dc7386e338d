package io.plugboard.plugins.stripe;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The event types the Stripe receiver emits, {@code stripe.<type>} for the Stripe event types it
 * declares plus {@code stripe.other}; samples and schemas are JSON files in this jar ({@code /stripe/…}).
 */
@Extension
public class StripeEvents implements EventTypeProvider {

    static final String PREFIX = "stripe.";
    static final String OTHER = PREFIX + "other";

    /** The Stripe event types with a type of their own, with the catalog's name and description. */
    static final Map<String, String[]> DECLARED = declared();

    private static Map<String, String[]> declared() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("payment_intent.succeeded", new String[] {"Stripe payment succeeded", "A PaymentIntent was paid in full."});
        m.put("payment_intent.payment_failed", new String[] {"Stripe payment failed", "A payment attempt on a PaymentIntent failed (see last_payment_error)."});
        m.put("charge.succeeded", new String[] {"Stripe charge succeeded", "A charge was created and succeeded."});
        m.put("charge.refunded", new String[] {"Stripe charge refunded", "A charge was refunded, in full or in part."});
        m.put("charge.dispute.created", new String[] {"Stripe dispute opened", "A customer disputed a charge with their bank."});
        m.put("checkout.session.completed", new String[] {"Stripe Checkout completed", "A customer completed a Checkout Session."});
        m.put("invoice.paid", new String[] {"Stripe invoice paid", "An invoice was paid (or marked paid)."});
        m.put("invoice.payment_failed", new String[] {"Stripe invoice payment failed", "An attempt to pay an invoice failed."});
        m.put("customer.created", new String[] {"Stripe customer created", "A customer was created."});
        m.put("customer.subscription.created", new String[] {"Stripe subscription created", "A customer subscribed to a plan."});
        m.put("customer.subscription.updated", new String[] {"Stripe subscription updated", "A subscription changed (plan, status, renewal); data.previous_attributes holds the old values."});
        m.put("customer.subscription.deleted", new String[] {"Stripe subscription ended", "A subscription ended (canceled, or unpaid past its retries)."});
        return Collections.unmodifiableMap(m);
    }

    @Override
    public List<EventType> eventTypes() {
        List<EventType> types = new ArrayList<>();
        DECLARED.forEach((type, text) -> types.add(type(PREFIX + type, text[0], text[1])));
        types.add(type(OTHER, "Stripe event (other)",
                "A Stripe event without a type of its own; data.type names it (when unknown_events is other)."));
        return types;
    }

    private static EventType type(String key, String name, String description) {
        return EventType.builder(key).name(name).description(description).group("Stripe")
                .sampleResource(StripeEvents.class, "/stripe/samples/" + key + ".json")
                .schemaResource(StripeEvents.class, "/stripe/schemas/" + key + ".schema.json")
                .build();
    }
}
