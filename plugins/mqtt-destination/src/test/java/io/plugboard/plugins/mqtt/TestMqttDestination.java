package io.plugboard.plugins.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sends through the destination to the real Mosquitto on 127.0.0.1:1883 and reads what arrives. */
class TestMqttDestination {

    private final MqttDestination destination = new MqttDestination();

    @AfterEach
    void close() {
        destination.close();
    }

    @Test
    void publishesTheBodyContentTypeAndEveryHeaderToTheExpandedTopic() throws Exception {
        String prefix = TestMessages.uniqueTopic("deliver");
        String body = "{\"amount\":\"12.50\",\"note\":\"caf\u00e9 \u2713\"}";
        try (TopicSubscriber subscriber = new TopicSubscriber(prefix + "/payment_received")) {
            OutgoingMessage message = TestMessages.message("evt_1", body, Map.of(
                    MqttSettings.SERVER, TestMessages.BROKER, MqttSettings.TOPIC, prefix + "/{{type}}"));

            DeliveryOutcome outcome = destination.send(message);

            assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
            assertThat(outcome.detail()).contains("PUBACK").contains(prefix + "/payment_received");
            MqttMessage received = subscriber.next(5_000);
            assertThat(received).isNotNull();
            assertThat(received.getPayload()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(received.isRetained()).isFalse();
            assertThat(received.getProperties().getContentType()).isEqualTo("application/json");
            Map<String, String> properties = new HashMap<>();
            for (UserProperty property : received.getProperties().getUserProperties()) {
                properties.put(property.getKey(), property.getValue());
            }
            assertThat(properties).isEqualTo(message.headers());
        }
    }

    @Test
    void anAddressNothingListensOnIsRetriedThenTheRightOneDelivers() throws Exception {
        String topic = TestMessages.uniqueTopic("retry");
        try (TopicSubscriber subscriber = new TopicSubscriber(topic)) {
            DeliveryOutcome refused = destination.send(TestMessages.message("evt_2", "{}",
                    Map.of(MqttSettings.SERVER, "tcp://127.0.0.1:1", MqttSettings.TOPIC, topic)));

            assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
            assertThat(refused.detail()).contains("could not connect to tcp://127.0.0.1:1");

            DeliveryOutcome fixed = destination.send(TestMessages.message("evt_2", "{}",
                    Map.of(MqttSettings.SERVER, TestMessages.BROKER, MqttSettings.TOPIC, topic)));

            assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
            assertThat(subscriber.next(5_000)).isNotNull();
        }
    }

    @Test
    void aClosedDestinationRetriesWithoutConnecting() throws Exception {
        destination.close();

        DeliveryOutcome outcome = destination.send(TestMessages.message("evt_3", "{}",
                Map.of(MqttSettings.SERVER, TestMessages.BROKER, MqttSettings.TOPIC, TestMessages.uniqueTopic("closed"))));

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(outcome.detail()).contains("stopping");
    }
}
