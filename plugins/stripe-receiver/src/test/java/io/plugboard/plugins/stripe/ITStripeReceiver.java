package io.plugboard.plugins.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.InboundWebhook;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built jar in a real host: Stripe's signed events through {@code /hooks/in/…} become events. */
class ITStripeReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec_it" + UUID.randomUUID().toString().replace("-", "");

    private static PluginHarness harness;
    private static InboundWebhook inbound;

    @BeforeAll
    static void start() {
        harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar", "target/stripe-receiver.jar"))).start();
        inbound = harness.inboundWebhook("stripe", Map.of("secret", StripeRequests.OLD_SECRET + "\n" + SECRET));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void a_signed_event_is_accepted_once_and_a_retry_returns_the_same_event() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(StripeRequests.resource("/stripe-docs/payment_intent.succeeded.json"));
        String stripeId = "evt_it" + UUID.randomUUID().toString().replace("-", "");
        String body = event.put("id", stripeId).toString();
        HostApi.Response first = post(body, StripeRequests.header(Instant.now().getEpochSecond(), body, SECRET));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String eventId = JSON.readTree(first.body()).path("event_ids").get(0).asText();

        List<JsonNode> received = received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("id").asText()).isEqualTo(eventId);
        assertThat(received.get(0).path("type").asText()).isEqualTo("stripe.payment_intent.succeeded");
        assertThat(received.get(0).path("data").path("data").path("object").path("amount").asInt()).isEqualTo(2000);
        assertThat(received.get(0).path("origin").path("external_id").asText()).isEqualTo(stripeId);
        assertThat(received.get(0).path("origin").path("occurred_at").asText()).startsWith("2026-12-05T12:00");

        HostApi.Response retry = post(body, StripeRequests.header(Instant.now().getEpochSecond(), body, SECRET));
        assertThat(retry.status()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body()).path("event_ids").get(0).asText()).isEqualTo(eventId);
        assertThat(received()).hasSize(1);
    }

    @Test
    void a_bad_signature_is_answered_401_and_recorded_among_the_errors() throws Exception {
        String body = StripeRequests.resource("/stripe-docs/charge.refunded.json");
        HostApi.Response r = post(body, StripeRequests.header(Instant.now().getEpochSecond(), body, "whsec_wrong"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("Stripe-Signature does not match").doesNotContain(SECRET);

        JsonNode errors = inbound.errors();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.path("status").asInt()).isEqualTo(401);
            assertThat(e.path("kind").asText()).isEqualTo("rejected");
            assertThat(e.path("message").asText()).contains("Stripe-Signature");
        });
    }

    @Test
    void the_event_types_are_in_the_catalog() {
        List<String> keys = new ArrayList<>();
        harness.api().get("/api/v1/event-types").expect(200).json().path("data").forEach(t -> keys.add(t.path("key").asText()));
        assertThat(keys).contains("stripe.payment_intent.succeeded", "stripe.charge.refunded",
                "stripe.checkout.session.completed", "stripe.invoice.paid", "stripe.customer.subscription.deleted",
                "stripe.other");
    }

    private static HostApi.Response post(String body, String signature) {
        return inbound.post(body, "Content-Type", "application/json; charset=utf-8", "Stripe-Signature", signature);
    }

    private static List<JsonNode> received() {
        List<JsonNode> events = new ArrayList<>();
        inbound.receivedEvents().forEach(events::add);
        return events;
    }
}
