package io.plugboard.plugins.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Opens and discards Paho clients, within a send's time budget. */
final class MqttConnector {

    /** The most of a send's budget that connecting may take. */
    private static final int MAX_CONNECT_SECONDS = 5;

    private MqttConnector() {}

    /**
     * Connects a new client: clean start, no session kept on the broker (the host keeps undelivered
     * messages and retries them), no automatic reconnect in the background.
     *
     * @param deadline {@link System#nanoTime()} by which to be connected
     * @return a connected client
     * @throws MqttException if the broker cannot be reached or refuses the connection
     */
    static MqttAsyncClient open(MqttSettings.Connection connection, long deadline) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(connection.server(),
                connection.clientIdPrefix() + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                new MemoryPersistence());
        try {
            client.connect(options(connection, deadline))
                    .waitForCompletion(Math.max(1, MqttPublisher.remainingMillis(deadline)));
        } catch (MqttException | RuntimeException e) {
            discard(client);
            throw e;
        }
        if (!client.isConnected()) {
            discard(client);
            throw new MqttPublisher.DeadlineException("could not connect to " + connection.server() + " within the time limit");
        }
        return client;
    }

    private static MqttConnectionOptions options(MqttSettings.Connection connection, long deadline) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) Math.max(1,
                Math.min(MAX_CONNECT_SECONDS, MqttPublisher.remainingMillis(deadline) / 1000)));
        if (!connection.username().isEmpty()) {
            options.setUserName(connection.username());
        }
        if (!connection.password().isEmpty()) {
            options.setPassword(connection.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    /** Disconnects (if connected) and closes a client, freeing its threads; null is ignored. */
    static void discard(MqttAsyncClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException ignored) {
            // Already broken: closing below still frees its threads.
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // Nothing else to free.
        }
    }
}
