package io.plugboard.plugins.stripe;

import static io.plugboard.plugins.stripe.StripeRequests.resource;
import static io.plugboard.plugins.stripe.StripeRequests.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing Stripe's documented event objects, signed as Stripe signs them. */
class TestStripeReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:30Z");

    private final StripeReceiver receiver = new StripeReceiver();

    @Test
    void a_payment_intent_succeeded_becomes_its_type_with_the_event_as_data() throws Exception {
        String body = resource("/stripe-docs/payment_intent.succeeded.json");
        List<ReceivedEvent> events = receiver.parse(signed(body, NOW).build()).events();

        assertThat(events).hasSize(1);
        ReceivedEvent event = events.get(0);
        assertThat(event.type()).isEqualTo("stripe.payment_intent.succeeded");
        assertThat(event.externalId()).contains(JSON.readTree(body).path("id").asText()).get().asString().startsWith("evt_");
        assertThat(event.occurredAt()).contains(Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(JSON.readTree(event.dataJson())).isEqualTo(JSON.readTree(body));
    }

    @Test
    void every_declared_sample_parses_back_into_its_own_type() throws Exception {
        for (String type : StripeEvents.DECLARED.keySet()) {
            String body = resource("/stripe/samples/stripe." + type + ".json");
            ReceivedEvent event = receiver.parse(signed(body, NOW).build()).events().get(0);
            assertThat(event.type()).as(type).isEqualTo("stripe." + type);
            assertThat(JSON.readTree(event.dataJson())).as(type).isEqualTo(JSON.readTree(body));
        }
    }

    @Test
    void a_retry_has_the_same_external_id_so_the_host_emits_it_once() {
        String body = resource("/stripe-docs/charge.refunded.json");
        ReceivedEvent first = receiver.parse(signed(body, NOW).build()).events().get(0);
        ReceivedEvent retry = receiver.parse(signed(body, NOW.plusSeconds(3600)).build()).events().get(0);
        assertThat(retry.externalId()).isEqualTo(first.externalId()).isPresent();
    }

    @Test
    void the_secret_setting_may_hold_several_secrets_for_a_rotation() {
        String body = resource("/stripe-docs/charge.refunded.json");
        InboundRequest request = signed(body, NOW)
                .settings(Map.of("secret", StripeRequests.OLD_SECRET + ",\n " + StripeRequests.SECRET)).build();
        assertThat(receiver.parse(request).events()).hasSize(1);
    }

    @Test
    void a_stale_timestamp_or_a_wrong_secret_is_rejected() {
        String body = resource("/stripe-docs/charge.refunded.json");
        InboundRequest stale = signed(body, NOW).receivedAt(NOW.plusSeconds(301)).build();
        assertThatThrownBy(() -> receiver.parse(stale)).isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("tolerance_seconds");
        InboundRequest stranger = signed(body, NOW).settings(Map.of("secret", StripeRequests.OLD_SECRET)).build();
        assertThatThrownBy(() -> receiver.parse(stranger)).isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("does not match");
        InboundRequest unusable = signed(body, NOW).settings(Map.of("secret", "")).build();
        assertThatThrownBy(() -> receiver.parse(unusable)).isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("secret setting is not usable");
    }

    @Test
    void a_body_that_is_not_a_stripe_event_is_unparseable() {
        assertThatThrownBy(() -> receiver.parse(signed("{\"id\": \"evt_1\",", NOW).build()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> receiver.parse(signed("\"evt_1\"", NOW).build()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> receiver.parse(signed("{\"type\": \"customer.created\"}", NOW).build()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("id must be a non-empty string");
        assertThatThrownBy(() -> receiver.parse(signed("{\"id\": \"evt_1\", \"type\": 3}", NOW).build()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("type must be");
    }

    @Test
    void an_undeclared_type_is_stripe_other_or_refused_as_the_setting_says() throws Exception {
        String body = resource("/stripe/samples/stripe.other.json");
        ReceivedEvent other = receiver.parse(signed(body, NOW).build()).events().get(0);
        assertThat(other.type()).isEqualTo("stripe.other");
        assertThat(JSON.readTree(other.dataJson()).path("type").asText()).isEqualTo("payout.paid");

        InboundRequest refused = signed(body, NOW)
                .settings(Map.of("secret", StripeRequests.SECRET, "unknown_events", "refuse")).build();
        assertThatThrownBy(() -> receiver.parse(refused)).isInstanceOf(UnparseableRequestException.class)
                .hasMessageContaining("'payout.paid'").hasMessageContaining("unknown_events");
    }
}
