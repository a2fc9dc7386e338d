package io.plugboard.plugins.mqtt;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.Destination;
import io.plugboard.sdk.outbound.OutgoingMessage;
import io.plugboard.sdk.settings.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.pf4j.Extension;

/**
 * Publishes each webhook message to an MQTT 5 topic with QoS 1 (not retained): the body unchanged, the
 * content type as the content-type property and the Standard Webhooks and custom headers as user
 * properties. A message is delivered once the broker's PUBACK accepts it; anything else is retried.
 * Webhooks with the same broker and credentials share one connection.
 */
@Extension
public class MqttDestination implements Destination {

    /** A send never blocks the host's thread longer than this (connecting included). */
    static final Duration SEND_BUDGET = Duration.ofSeconds(10);

    private final Map<MqttSettings.Connection, MqttPublisher> publishers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public String id() {
        return "mqtt";
    }

    @Override
    public String label() {
        return "MQTT topic";
    }

    @Override
    public String description() {
        return "Publishes each event to a topic of an MQTT 5 broker with QoS 1; the webhook headers travel as "
                + "user properties.";
    }

    @Override
    public List<Setting> settings() {
        return MqttSettings.declarations();
    }

    @Override
    public void verify(Map<String, String> settings) {
        MqttSettings.parse(settings);
    }

    @Override
    public String describe(Map<String, String> settings) {
        String server = settings.getOrDefault(MqttSettings.SERVER, MqttSettings.DEFAULT_SERVER);
        return server + " topic \"" + settings.getOrDefault(MqttSettings.TOPIC, "") + "\"";
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) throws InterruptedException {
        long deadline = MqttPublisher.deadlineIn(SEND_BUDGET);
        MqttSettings settings = MqttSettings.parse(message.settings());
        String topic = message.expand(settings.topic());
        String topicProblem = MqttSettings.topicProblem(topic);
        if (topicProblem != null) {
            return DeliveryOutcome.giveUp("the topic \"" + topic + "\" " + topicProblem);
        }
        String server = settings.connection().server();
        try {
            int[] reasonCodes = publisher(settings.connection()).publish(topic, () -> MqttMessages.of(message), deadline);
            int refusal = MqttMessages.refusal(reasonCodes);
            if (refusal >= 0) {
                return DeliveryOutcome.retry(MqttMessages.refusalReason(refusal) + " on " + server);
            }
            return DeliveryOutcome.delivered("PUBACK from " + server + " for topic \"" + topic + "\"");
        } catch (MqttException e) {
            return DeliveryOutcome.retry(MqttMessages.reason(e, server));
        } catch (MqttPublisher.DeadlineException e) {
            return DeliveryOutcome.retry(e.getMessage() + " (" + server + ")");
        }
    }

    private MqttPublisher publisher(MqttSettings.Connection connection) {
        if (closed) {
            throw new MqttPublisher.DeadlineException("the plugin is stopping");
        }
        return publishers.computeIfAbsent(connection, MqttPublisher::new);
    }

    @Override
    public void close() {
        closed = true;
        publishers.values().forEach(MqttPublisher::close);
        publishers.clear();
    }
}
