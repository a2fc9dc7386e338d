package io.plugboard.plugins.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.plugboard.sdk.outbound.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local NATS server with JetStream (127.0.0.1:4222) as the tests see it: a management connection that
 * creates uniquely named streams over uniquely named subjects, reads them back and deletes them.
 */
final class TestServer implements AutoCloseable {

    static final String SERVERS = "nats://127.0.0.1:4222";

    private final Connection connection;
    private final JetStreamManagement management;
    private final List<String> streams = new ArrayList<>();

    TestServer() throws Exception {
        connection = Nats.connect(SERVERS);
        management = connection.jetStreamManagement();
    }

    /** @return a subject prefix no other test run uses, e.g. {@code pbtest.1a2b3c4d} */
    static String uniquePrefix() {
        return "pbtest." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a memory stream capturing every subject under the prefix; @return its name */
    String stream(String prefix) throws Exception {
        String name = "PBTEST_" + prefix.substring(prefix.indexOf('.') + 1).toUpperCase();
        management.addStream(StreamConfiguration.builder().name(name).subjects(prefix + ".>")
                .storageType(StorageType.Memory).build());
        streams.add(name);
        return name;
    }

    MessageInfo message(String stream, long sequence) throws Exception {
        return management.getMessage(stream, sequence);
    }

    long count(String stream) throws Exception {
        return management.getStreamInfo(stream).getStreamState().getMsgCount();
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

    static Map<String, String> settings(String subject) {
        return Map.of(NatsSettings.SERVERS, SERVERS, NatsSettings.SUBJECT, subject);
    }

    @Override
    public void close() throws Exception {
        for (String stream : streams) {
            try {
                management.deleteStream(stream);
            } catch (JetStreamApiException e) {
                // Already gone.
            }
        }
        connection.close();
    }
}
