package io.plugboard.plugins.mqtt;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A separate Paho client that subscribes (QoS 1) before the test sends, and collects what arrives. */
final class TopicSubscriber implements AutoCloseable {

    private final MqttClient client;
    private final BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();

    TopicSubscriber(String topicFilter) throws MqttException {
        client = new MqttClient(TestMessages.BROKER, "plugboard-test-sub-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(message);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        client.subscribe(topicFilter, 1); // returns after the SUBACK
    }

    /** @return the next message, or null if none arrives within the timeout */
    MqttMessage next(long timeoutMillis) throws InterruptedException {
        return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
