package io.plugboard.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local RabbitMQ (127.0.0.1:5672, guest/guest) for the destinations part: a uniquely named durable
 * queue that the webhook delivers to (default exchange, routing key = queue name), and the baseline —
 * the broker's own Java client publishing the same messages with the plugin's discipline: persistent,
 * {@code mandatory}, one message in flight per confirm-mode channel, {@code parallel} channels on one
 * connection (the plugin lends one channel per concurrent send, and the host sends at most
 * {@code maxInFlightPerWebhook} at once).
 */
final class RabbitBaseline implements AutoCloseable {

    static final String URI = "amqp://127.0.0.1:5672/%2F";

    private final Connection connection;
    private final Channel admin;
    private final String queue = "pb-bench-" + UUID.randomUUID().toString().substring(0, 8);

    RabbitBaseline() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI);
        factory.setUsername("guest");
        factory.setPassword("guest");
        connection = factory.newConnection("plugboard bench baseline");
        admin = connection.createChannel();
        // Durable, as the plugin's page tells users: persistent messages are confirmed once on disk.
        admin.queueDeclare(queue, true, false, false, null);
    }

    /** @return the webhook's destination settings: the default exchange, routed to this queue */
    Map<String, Object> destination() {
        return Map.of("type", "rabbitmq", "settings", Map.of("uri", URI, "username", "guest", "password", "guest",
                "routing_key", queue));
    }

    /** @return one message the plugin published (its body and properties), taken off the queue */
    GetResponse sample() throws Exception {
        GetResponse response = admin.basicGet(queue, true);
        if (response == null) {
            throw new IllegalStateException("no message in " + queue + ": the plugin delivered nothing");
        }
        return response;
    }

    long queued() throws Exception {
        return admin.queueDeclarePassive(queue).getMessageCount();
    }

    void purge() throws Exception {
        admin.queuePurge(queue);
    }

    /**
     * Publishes {@code messages} copies of {@code sample} (each with its own message-id of the same
     * length) from {@code parallel} threads, each waiting for every confirm before its next publish.
     *
     * @return confirmed messages per second, from the first publish to the last confirm
     */
    double publish(GetResponse sample, int messages, int parallel) throws Exception {
        List<Channel> channels = new ArrayList<>();
        AtomicInteger returned = new AtomicInteger();
        for (int i = 0; i < parallel; i++) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.addReturnListener(r -> returned.incrementAndGet()); // as the plugin listens for returns
            channels.add(channel);
        }
        AMQP.BasicProperties properties = sample.getProps();
        String id = properties.getMessageId();
        int run = DestinationBench.nextRun();
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Channel channel : channels) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        AMQP.BasicProperties p = properties.builder().messageId(DestinationBench.uniqueId(id, run, i)).build();
                        channel.basicPublish("", queue, true, p, sample.getBody());
                        if (!channel.waitForConfirms(9_000)) {
                            throw new IllegalStateException("the broker nacked a baseline message");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            if (returned.get() > 0) {
                throw new IllegalStateException("the broker returned " + returned.get() + " baseline messages");
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
            for (Channel channel : channels) {
                channel.abort();
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            admin.queueDelete(queue);
        } finally {
            connection.close();
        }
    }
}
