package io.plugboard.plugins.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.plugboard.sdk.outbound.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local RabbitMQ (127.0.0.1:5672, guest/guest) as the tests see it: an admin connection that declares
 * uniquely named exchanges and queues, reads them back and deletes everything it declared.
 */
final class TestBroker implements AutoCloseable {

    static final String URI = "amqp://127.0.0.1:5672/%2F";

    private final Connection connection;
    private final Channel channel;
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

    TestBroker() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI);
        connection = factory.newConnection("plugboard rabbitmq-destination tests");
        channel = connection.createChannel();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String exchange() throws Exception {
        String name = unique("pb-test-x");
        channel.exchangeDeclare(name, "direct", false);
        exchanges.add(name);
        return name;
    }

    String queue(Map<String, Object> arguments) throws Exception {
        String name = unique("pb-test-q");
        declareQueue(name, arguments);
        return name;
    }

    /** @return a durable queue: the broker confirms a persistent message to it once it is on disk */
    String durableQueue() throws Exception {
        String name = unique("pb-test-q");
        channel.queueDeclare(name, true, false, false, null);
        queues.add(name);
        return name;
    }

    void declareQueue(String name, Map<String, Object> arguments) throws Exception {
        channel.queueDeclare(name, false, false, false, arguments);
        if (!queues.contains(name)) {
            queues.add(name);
        }
    }

    void deleteQueue(String name) throws Exception {
        channel.queueDelete(name);
    }

    void bind(String queue, String exchange, String routingKey) throws Exception {
        channel.queueBind(queue, exchange, routingKey);
    }

    long messageCount(String queue) throws Exception {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /** @return the next message of the queue, polling until one is there or 5 s passed */
    GetResponse next(String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no message arrived in " + queue + " within 5 s");
    }

    /** @return the {@code message-id} of every message the queue holds now, taking them off it */
    List<String> takeMessageIds(String queue) throws Exception {
        List<String> ids = new ArrayList<>();
        for (GetResponse response = channel.basicGet(queue, true); response != null;
             response = channel.basicGet(queue, true)) {
            ids.add(response.getProps().getMessageId());
        }
        return ids;
    }

    /** @return a message as the host would build it, for an event of type payment_received */
    static OutgoingMessage message(String eventId, Map<String, String> settings) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", "1764936000");
        headers.put("webhook-signature", "v1,c2lnbmF0dXJl");
        headers.put("x-tenant", "acme");
        return new OutgoingMessage("wh_test", eventId, "payment_received", Instant.parse("2026-12-05T12:00:00Z"), 1,
                "application/json", ("{\"id\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8), headers, settings);
    }

    static Map<String, String> settings(String exchange, String routingKey) {
        return Map.of(RabbitMqSettings.URI_KEY, URI, RabbitMqSettings.USERNAME, "guest",
                RabbitMqSettings.PASSWORD, "guest", RabbitMqSettings.EXCHANGE, exchange,
                RabbitMqSettings.ROUTING_KEY, routingKey);
    }

    @Override
    public void close() throws Exception {
        for (String queue : queues) {
            channel.queueDelete(queue);
        }
        for (String exchange : exchanges) {
            channel.exchangeDelete(exchange);
        }
        connection.close();
    }
}
