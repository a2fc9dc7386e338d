package io.plugboard.plugins.mqtt;

import static io.plugboard.plugins.mqtt.HostWebhooks.ORDER_PAID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private PluginHarness harness;
    private HostApi api;

    @BeforeEach
    void start() {
        harness = HostWebhooks.start();
        api = harness.api();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void publishesTheSignedEnvelopeWithTheHeadersAsUserProperties() throws Exception {
        String prefix = TestMessages.uniqueTopic("through-host");
        try (TopicSubscriber subscriber = new TopicSubscriber(prefix + "/#")) {
            JsonNode webhook = HostWebhooks.create(api, "mqtt", settings(TestMessages.BROKER, prefix));
            String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_7", "amount", "9.99"));

            MqttMessage message = subscriber.next(HostWebhooks.WAIT.toMillis());
            assertThat(message).as("a message on " + prefix + "/" + ORDER_PAID).isNotNull();
            JsonNode envelope = JSON.readTree(message.getPayload());
            assertThat(envelope.path("id").asText()).isEqualTo(eventId);
            assertThat(envelope.path("type").asText()).isEqualTo(ORDER_PAID);
            assertThat(envelope.path("timestamp").asText()).isNotEmpty();
            assertThat(envelope.path("data").path("order_id").asText()).isEqualTo("ord_7");
            assertThat(message.getProperties().getContentType()).isEqualTo("application/json");
            Map<String, String> properties = userProperties(message);
            assertThat(properties).containsEntry("webhook-id", eventId);
            assertThat(WebhookVerifier.forSecret(webhook.path("secret").asText()).matches(properties.get("webhook-id"),
                    properties.get("webhook-timestamp"), properties.get("webhook-signature"), message.getPayload()))
                    .as("the signature verifies with the webhook's secret").isTrue();

            String id = webhook.path("id").asText();
            JsonNode delivery = HostWebhooks.await("delivered", () -> HostWebhooks.deliveries(api, id),
                    d -> d.size() == 1 && d.get(0).path("status").asText().equals("succeeded")).get(0);
            assertThat(HostWebhooks.attempts(api, delivery.path("id").asText()).get(0).path("response_body").asText())
                    .contains("PUBACK from " + TestMessages.BROKER);
        }
    }

    @Test
    void theTestSendPublishesToTheTopic() throws Exception {
        String prefix = TestMessages.uniqueTopic("test-send");
        try (TopicSubscriber subscriber = new TopicSubscriber(prefix + "/#")) {
            JsonNode webhook = HostWebhooks.create(api, "mqtt", settings(TestMessages.BROKER, prefix));

            JsonNode test = api.post("/api/v1/webhooks/" + webhook.path("id").asText() + "/test", "").expect(200).json();

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
            JsonNode webhook = HostWebhooks.create(api, "mqtt", settings(TestMessages.BROKER, prefix));
            String id = webhook.path("id").asText();
            HostWebhooks.changeSettings(api, id, "mqtt", settings("tcp://127.0.0.1:1", prefix));
            String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_8"));

            HostWebhooks.await("two failed attempts", () -> HostWebhooks.failedAttempts(api, id), n -> n >= 2);
            HostWebhooks.changeSettings(api, id, "mqtt", settings(TestMessages.BROKER, prefix));

            JsonNode delivery = HostWebhooks.await("delivered after the fix", () -> HostWebhooks.deliveries(api, id),
                    d -> d.size() == 1 && d.get(0).path("status").asText().equals("succeeded")).get(0);
            JsonNode attempts = HostWebhooks.attempts(api, delivery.path("id").asText());
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
