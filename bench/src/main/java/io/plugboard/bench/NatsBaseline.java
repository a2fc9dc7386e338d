package io.plugboard.bench;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local NATS server with JetStream (127.0.0.1:4222) for the destinations part: a uniquely named
 * file-storage stream over a unique subject that the webhook publishes to, and the baseline — the
 * server's own Java client publishing the same messages with the plugin's discipline: a synchronous
 * JetStream publish (waiting for the stream's ack) with a {@code Nats-Msg-Id}, from {@code parallel}
 * threads sharing one connection (the plugin shares one, and the host sends at most
 * {@code maxInFlightPerWebhook} at once).
 */
final class NatsBaseline implements AutoCloseable {

    static final String SERVERS = "nats://127.0.0.1:4222";
    private static final String MSG_ID = "Nats-Msg-Id";

    private final Connection connection;
    private final JetStreamManagement management;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String stream = "PBBENCH_" + suffix.toUpperCase();
    /** What the webhook's subject {@code pbbench.<suffix>.{{type}}} becomes for the bench's event type. */
    private final String subject = "pbbench." + suffix + ".bench";

    NatsBaseline() throws Exception {
        // As the plugin connects (NatsLink): no echo, reconnecting without limit, a 5 s ack timeout.
        connection = Nats.connect(Options.builder().server(SERVERS).connectionName("plugboard bench baseline")
                .connectionTimeout(Duration.ofSeconds(3)).maxReconnects(-1).noEcho().build());
        management = connection.jetStreamManagement();
        // File storage, as the plugin's page suggests; the default 2-minute duplicate window.
        management.addStream(StreamConfiguration.builder().name(stream).subjects("pbbench." + suffix + ".>")
                .storageType(StorageType.File).build());
    }

    /** @return the webhook's destination settings */
    Map<String, Object> destination() {
        return Map.of("type", "nats", "settings", Map.of("servers", SERVERS, "subject", "pbbench." + suffix + ".{{type}}"));
    }

    /** @return the last message the plugin published (its data and headers), read from the stream */
    MessageInfo sample() throws Exception {
        return management.getLastMessage(stream, subject);
    }

    long stored() throws Exception {
        return management.getStreamInfo(stream).getStreamState().getMsgCount();
    }

    void purge() throws Exception {
        management.purgeStream(stream);
    }

    /**
     * Publishes {@code messages} copies of {@code sample} (same data and headers, each with its own
     * message id of the same length, so the stream's de-duplication stores every one) from
     * {@code parallel} threads, each waiting for every ack before its next publish.
     *
     * @return acknowledged messages per second, from the first publish to the last ack
     */
    double publish(MessageInfo sample, int messages, int parallel) throws Exception {
        JetStream jetStream = connection.jetStream(JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(5)).build());
        String id = sample.getHeaders().getFirst(MSG_ID);
        int run = DestinationBench.nextRun();
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < parallel; t++) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        // A fresh header set per message, as the plugin builds one per send.
                        Headers headers = new Headers(sample.getHeaders());
                        headers.remove(MSG_ID);
                        jetStream.publish(subject, headers, sample.getData(),
                                PublishOptions.builder().messageId(DestinationBench.uniqueId(id, run, i)).build());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            management.deleteStream(stream);
        } finally {
            connection.close();
        }
    }
}
