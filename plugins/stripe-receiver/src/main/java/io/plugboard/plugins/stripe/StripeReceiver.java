package io.plugboard.plugins.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.Setting;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Receives Stripe webhooks (an endpoint under Developers → Webhooks): checks {@code Stripe-Signature}
 * against one or more endpoint secrets and the timestamp tolerance, then emits {@code stripe.<type>}
 * with the Stripe event object as data. The event's {@code id} ({@code evt_…}) is the external id, so
 * Stripe's retries are emitted once; {@code created} becomes the time the event occurred.
 */
@Extension
public class StripeReceiver implements Receiver {

    private final ReceiverJson json = ReceiverJson.strictWithExactNumbers();

    @Override
    public String id() {
        return "stripe";
    }

    @Override
    public String name() {
        return "Stripe";
    }

    @Override
    public String description() {
        return "Stripe webhook events signed with the endpoint's secret (whsec_…; several during a rotation), "
                + "timestamp within 5 minutes: emits stripe.<type> (stripe.payment_intent.succeeded, …) with the event.";
    }

    @Override
    public List<Setting> settings() {
        return StripeSettings.declarations();
    }

    @Override
    public void verify(Map<String, String> settings) {
        StripeSettings.verify(settings);
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        StripeSignature.check(request.header(StripeSignature.HEADER).orElse(null), request.body(), secrets(request),
                request.receivedAt(), StripeSettings.tolerance(request.setting(StripeSettings.TOLERANCE)));
        JsonNode event = json.readBody(request.body());
        if (event == null || !event.isObject()) {
            throw new UnparseableRequestException("the body must be a Stripe event, a JSON object");
        }
        String id = text(event, "id");
        if (id.length() > ReceivedEvent.MAX_EXTERNAL_ID) {
            throw new UnparseableRequestException("the event's id is " + id.length() + " characters long; at most "
                    + ReceivedEvent.MAX_EXTERNAL_ID + " are accepted");
        }
        ReceivedEvent received = ReceivedEvent.of(typeFor(text(event, "type"), request), json.write(event))
                .withExternalId(id);
        JsonNode created = event.get("created");
        if (created != null && created.canConvertToLong() && created.isIntegralNumber()) {
            received = received.withOccurredAt(Instant.ofEpochSecond(created.longValue()));
        }
        return ReceiveResult.events(List.of(received));
    }

    private static String typeFor(String type, InboundRequest request) {
        if (StripeEvents.DECLARED.containsKey(type)) {
            return StripeEvents.PREFIX + type;
        }
        if (StripeSettings.UNKNOWN_REFUSED.equals(request.setting(StripeSettings.UNKNOWN_EVENTS))) {
            throw new UnparseableRequestException("the Stripe event type '" + abbreviate(type) + "' has no event type "
                    + "here and the unknown_events setting is refuse: set it to other (emitted as " + StripeEvents.OTHER
                    + "), or leave the type out of the endpoint's events in Stripe's dashboard");
        }
        return StripeEvents.OTHER;
    }

    private static List<String> secrets(InboundRequest request) {
        try {
            return StripeSettings.secrets(request.setting(StripeSettings.SECRET));
        } catch (IllegalArgumentException e) {
            // Saved settings were verified; this is a stored value that no longer reads (e.g. a lost secrets key).
            throw new RejectedRequestException("the inbound webhook's secret setting is not usable ("
                    + e.getMessage() + "); Verify on its page says what to enter");
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new UnparseableRequestException("the Stripe event's " + field + " must be a non-empty string");
        }
        return value.textValue();
    }

    private static String abbreviate(String text) {
        return text.length() <= EventType.MAX_KEY_LENGTH ? text : text.substring(0, EventType.MAX_KEY_LENGTH) + "…";
    }
}
