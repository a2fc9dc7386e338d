package io.plugboard.plugins.mqtt;

import static io.plugboard.plugins.mqtt.HostWebhooks.ORDER_PAID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.testkit.Await;
import io.plugboard.testkit.HostWebhook;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.SignedMessage;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built jar in a real host, delivering to the real Mosquitto on 127.0.0.1:1883: a webhook with the
 * {@code mqtt} destination publishes the signed Standard Webhooks envelope, the test send works, and a
 * broker that cannot be reached is retried on the schedule until the settings are fixed.
 */
class ITMqttThroughHost {

    private PluginHarness harness;

    @BeforeEach
    void start() {
        harness = HostWebhooks.start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void publishesTheSignedEnvelopeWithTheHeadersAsUserProperties() throws Exception {
        String prefix = TestMessages.uniqueTopic("through-host");
        try (TopicSubscriber subscriber = new TopicSubscriber(prefix + "/#")) {
            HostWebhook webhook = harness.destinationWebhook("mqtt", settings(TestMessages.BROKER, prefix), ORDER_PAID);
            String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_7", "amount", "9.99"));

            MqttMessage message = subscriber.next(HostWebhooks.WAIT.toMillis());
            assertThat(message).as("a message on " + prefix + "/" + ORDER_PAID).isNotNull();
            assertThat(message.getProperties().getContentType()).isEqualTo("application/json");
            Map<String, String> properties = userProperties(message);
            JsonObject envelope = SignedMessage.assertStandardEnvelope(message.getPayload(), properties::get, webhook.secret());
            assertThat(envelope.string("id")).isEqualTo(eventId);
            assertThat(envelope.string("type")).isEqualTo(ORDER_PAID);
            assertThat(envelope.string("data.order_id")).isEqualTo("ord_7");

            JsonNode delivery = webhook.awaitSucceeded(eventId, HostWebhooks.WAIT);
            assertThat(webhook.attempts(delivery.path("id").asText()).get(0).path("response_body").asText())
                    .contains("PUBACK from " + TestMessages.BROKER);
        }
    }

    @Test
    void theTestSendPublishesToTheTopic() throws Exception {
        String prefix = TestMessages.uniqueTopic("test-send");
        try (TopicSubscriber subscriber = new TopicSubscriber(prefix + "/#")) {
            HostWebhook webhook = harness.destinationWebhook("mqtt", settings(TestMessages.BROKER, prefix), ORDER_PAID);

            JsonNode test = webhook.sendTest();

            assertThat(test.path("success").asBoolean()).as(test.toString()).isTrue();
            MqttMessage message = subscriber.next(HostWebhooks.WAIT.toMillis());
            assertThat(message).isNotNull();
            assertThat(userProperties(message)).containsEntry("webhook-id", test.path("event_id").asText());
        }
    }

    @Test
    void anUnreachableBrokerIsRetriedWithTheReasonLoggedUntilTheSettingsAreFixed() throws Exception {
        String prefix = TestMessages.uniqueTopic("retry");
        try (TopicSubscriber subscriber = new TopicSubscriber(prefix + "/#")) {
            HostWebhook webhook = harness.destinationWebhook("mqtt", settings(TestMessages.BROKER, prefix), ORDER_PAID);
            webhook.changeDestination("mqtt", settings("tcp://127.0.0.1:1", prefix));
            String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_8"));

            Await.until("two failed attempts", HostWebhooks.WAIT, webhook::failedAttempts, n -> n >= 2);
            webhook.changeDestination("mqtt", settings(TestMessages.BROKER, prefix));

            JsonNode delivery = webhook.awaitSucceeded(eventId, HostWebhooks.WAIT);
            JsonNode attempts = webhook.attempts(delivery.path("id").asText());
            assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
            assertThat(attempts.get(0).path("error").asText()).contains("could not connect to tcp://127.0.0.1:1");
            MqttMessage message = subscriber.next(HostWebhooks.WAIT.toMillis());
            assertThat(message).isNotNull();
            assertThat(userProperties(message)).containsEntry("webhook-id", eventId);
        }
    }

    private static Map<String, String> settings(String server, String prefix) {
        return Map.of(MqttSettings.SERVER, server, MqttSettings.TOPIC, prefix + "/{{type}}");
    }

    private static Map<String, String> userProperties(MqttMessage message) {
        Map<String, String> properties = new HashMap<>();
        for (UserProperty property : message.getProperties().getUserProperties()) {
            properties.put(property.getKey(), property.getValue());
        }
        return properties;
    }
}
