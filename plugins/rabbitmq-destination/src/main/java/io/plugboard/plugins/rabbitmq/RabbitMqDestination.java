package io.plugboard.plugins.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.Destination;
import io.plugboard.sdk.outbound.OutgoingMessage;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.pf4j.Extension;

/**
 * Delivers each message as a persistent AMQP message to an exchange of a RabbitMQ broker, and calls it
 * delivered only once the broker confirmed it (publisher confirms) and a queue took it (mandatory).
 * The event id is the AMQP message-id, so consumers can drop the duplicates a retry may cause.
 */
@Extension
public class RabbitMqDestination implements Destination {

    /** How long one send may take in all: connecting, waiting for a channel and for the confirm. */
    static final Duration SEND_BUDGET = Duration.ofSeconds(9);

    private final Map<RabbitMqSettings.ConnectionKey, BrokerConnection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public String id() {
        return "rabbitmq";
    }

    @Override
    public String label() {
        return "RabbitMQ exchange";
    }

    @Override
    public String description() {
        return "Publishes each event as a persistent message to an exchange with a routing key; delivered once the "
                + "broker confirmed it and a queue took it.";
    }

    @Override
    public List<Setting> settings() {
        return RabbitMqSettings.declarations();
    }

    @Override
    public void verify(Map<String, String> settings) {
        RabbitMqSettings.from(settings).check();
    }

    @Override
    public String describe(Map<String, String> settings) {
        return RabbitMqSettings.from(settings).describe();
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) throws InterruptedException {
        RabbitMqSettings settings = RabbitMqSettings.from(message.settings());
        try {
            settings.check();
        } catch (InvalidSettingsException e) {
            return DeliveryOutcome.retry(e.getMessage());
        }
        if (closed) {
            return DeliveryOutcome.retry("the RabbitMQ plugin is stopping");
        }
        RabbitMqSettings.ConnectionKey key = settings.connectionKey();
        BrokerConnection connection;
        try {
            connection = connections.computeIfAbsent(key, k -> new BrokerConnection(factory(settings)));
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.retry("the uri is not usable: " + e.getMessage());
        }
        String routingKey = message.expand(settings.routingKey());
        try {
            return connection.publish(settings.exchange(), routingKey, properties(message), message.body(), SEND_BUDGET);
        } catch (PossibleAuthenticationFailureException e) {
            return DeliveryOutcome.retry("authentication failed at " + key + ": check username and password ("
                    + e.getMessage() + ")");
        } catch (IOException | TimeoutException | RuntimeException e) {
            return DeliveryOutcome.retry("cannot deliver to " + key + ": " + Failures.describe(e));
        }
    }

    /** Closes every connection; sends still waiting for a confirm end with a retry. */
    @Override
    public void close() {
        closed = true;
        connections.values().forEach(BrokerConnection::close);
        connections.clear();
    }

    /** Drops every connection as a network failure would (for tests of reconnecting). */
    void abortConnections() {
        connections.values().forEach(BrokerConnection::abortConnection);
    }

    static AMQP.BasicProperties properties(OutgoingMessage message) {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .messageId(message.eventId())
                .type(message.eventType())
                .contentType(message.contentType())
                .timestamp(Date.from(message.emittedAt()))
                .appId("plugboard")
                .headers(new HashMap<>(message.headers()))
                .build();
    }

    private static ConnectionFactory factory(RabbitMqSettings settings) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(settings.uri());
            if (factory.isSSL()) {
                // setUri trusts every certificate for amqps; verify the broker's like any TLS client instead.
                factory.useSslProtocol(javax.net.ssl.SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!settings.username().isEmpty()) {
            factory.setUsername(settings.username());
        }
        if (!settings.password().isEmpty()) {
            factory.setPassword(settings.password());
        }
        return factory;
    }
}
