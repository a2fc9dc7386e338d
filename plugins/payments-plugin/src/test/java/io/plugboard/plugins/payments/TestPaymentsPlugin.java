package io.plugboard.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.InvalidEventException;
import io.plugboard.testkit.CapturedRequest;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.PluginTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The payments plugin in a real host, through the testkit, as a plugin author would test it. */
@PluginTest
class TestPaymentsPlugin {

    @Test
    void starts_and_registers_its_three_event_types(PluginHarness harness) {
        assertThat(harness.plugin().started()).isTrue();
        assertThat(harness.plugin().eventTypes())
                .containsExactlyInAnyOrder("payment_received", "payment_failed", "payment_refunded");
        assertThat(harness.plugin().warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment_received", "payment_failed", "payment_refunded"})
    void each_sample_reaches_an_endpoint_signed(String type, PluginHarness harness) {
        String eventId = harness.emitSample(type);

        CapturedRequest request = harness.awaitDelivery(eventId).assertSignedWith(harness.signingSecret());

        assertThat(request.eventType()).isEqualTo(type);
        harness.sample(type).members().forEach(
                (key, value) -> assertThat(request.data().member(key)).contains(value));
        // The plugin's outgoing-payload filter adds the statement descriptor from its settings.
        assertThat(request.data().string("statement_descriptor")).isEqualTo("PLUGBOARD SHOP");
    }

    @Test
    void a_payment_with_a_malformed_amount_is_refused_by_the_schema(PluginHarness harness) {
        assertThatThrownBy(() -> harness.emit("payment_received", Map.of("payment_id", "pay_1", "amount", "12,5",
                "currency", "EUR", "paid_at", "2026-11-02T14:03:11Z",
                "customer", Map.of("id", "cus_1", "name", "Ada", "email", "ada@example.com"))))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("amount")));
    }

    @Test
    void hides_customers_email_addresses_when_set_and_counts_payments(PluginHarness harness) {
        harness.admin().form("/admin/plugins/payments/settings")
                .field("statement_descriptor", "SHOP \"ONE\"").field("redact_customer_email", "true").submit();
        String eventId = harness.emitSample("payment_received");

        CapturedRequest request = harness.awaitDelivery(eventId).assertSignedWith(harness.signingSecret());

        assertThat(request.data().string("customer.email")).isEqualTo("[redacted]");
        assertThat(request.data().keys().iterator().next()).isEqualTo("statement_descriptor");
        assertThat(request.data().string("statement_descriptor")).isEqualTo("SHOP \"ONE\"");
        assertThat(request.data().get("amount")).isEqualTo(harness.sample("payment_received").get("amount"));
        assertThat(harness.api().get("/api/v1/plugins/payments/counts").expect(200).json().path("payment_received").asInt())
                .isEqualTo(1);
    }

    @Test
    void lists_recent_payments_up_to_a_limit(PluginHarness harness) {
        harness.awaitDelivery(harness.emitSample("payment_received"));
        harness.awaitDelivery(harness.emitSample("payment_received"));

        assertThat(harness.api().get("/api/v1/plugins/payments/recent?limit=1").expect(200).json().size()).isEqualTo(1);
        assertThat(harness.api().get("/api/v1/plugins/payments/recent").expect(200).json().size()).isEqualTo(2);
        assertThat(harness.api().get("/api/v1/plugins/payments/recent?limit=lots").expect(400).json().path("error").asText())
                .isEqualTo("the query parameter 'limit' must be a whole number from 1 to 20, not 'lots'");
    }
}
