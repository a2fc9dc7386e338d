package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.DeliverySettings;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.SignedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the tests through a real host share: the shaded jar from {@code target/}, the event type they emit,
 * retries quick and many enough to fix a broken delivery between attempts, and what a message to
 * RabbitMQ holds. Webhooks, the delivery log, waits and the signature check are the testkit's.
 */
final class ThroughHost {

    static final String EVENT = "order_paid";
    static final EventType ORDER_PAID = EventType.builder(EVENT).name("Order paid").group("Shop")
            .sample("{\"order_id\":\"ord_1\"}").build();
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Many quick retries: a test that breaks a delivery sees attempts fail and fixes it before the host gives up. */
    static final DeliverySettings RETRIES = DeliverySettings.defaults().toBuilder()
            .retrySchedule(Collections.nCopies(40, Duration.ofMillis(200))).jitter(0)
            .requestTimeout(Duration.ofSeconds(12)).drainTimeout(Duration.ofSeconds(2)).build();

    private ThroughHost() {}

    /** @return the shaded plugin jar that {@code package} built (failsafe passes its path) */
    static Path pluginJar() {
        return Path.of(System.getProperty("plugin.jar"));
    }

    /** @return a host with the shaded jar, the event type {@value #EVENT} and {@link #RETRIES} */
    static PluginHarness start() {
        return PluginHarness.builder().jar(pluginJar()).host(h -> h.eventType(ORDER_PAID).delivery(RETRIES)).start();
    }

    /** Checks a message: the signed standard envelope of this {@value #EVENT} event with this data. */
    static void assertEnvelopeOf(byte[] body, UnaryOperator<String> header, String secret, String eventId,
                                 Map<String, ?> data) {
        JsonObject envelope = SignedMessage.assertStandardEnvelope(body, header, secret);
        assertThat(envelope.string("id")).isEqualTo(eventId);
        assertThat(envelope.string("type")).isEqualTo(EVENT);
        assertThat(envelope.object("data")).isEqualTo(Json.of(data));
    }
}
