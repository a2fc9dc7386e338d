package io.plugboard.plugins.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.api.MessageInfo;
import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages reach a JetStream stream of the local NATS server with their body and every header. */
class TestNatsDelivery {

    private TestServer server;
    private NatsDestination destination;

    @BeforeEach
    void open() throws Exception {
        server = new TestServer();
        destination = new NatsDestination();
    }

    @AfterEach
    void close() throws Exception {
        destination.close();
        server.close();
    }

    @Test
    void a_message_is_stored_with_its_body_msg_id_content_type_and_headers() throws Exception {
        String prefix = TestServer.uniquePrefix();
        String stream = server.stream(prefix);
        OutgoingMessage message = TestServer.message("evt_a", TestServer.settings(prefix + ".{{type}}"));

        DeliveryOutcome outcome = destination.send(message);

        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(outcome.detail()).isEqualTo("stream " + stream + ", sequence 1");
        MessageInfo stored = server.message(stream, 1);
        assertThat(stored.getSubject()).isEqualTo(prefix + ".payment_received");
        assertThat(stored.getData()).isEqualTo(message.body());
        assertThat(stored.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo("evt_a");
        assertThat(stored.getHeaders().getFirst("Content-Type")).isEqualTo("application/json");
        message.headers().forEach((name, value) -> assertThat(stored.getHeaders().getFirst(name)).as(name).isEqualTo(value));
        assertThat(stored.getHeaders().keySet()).hasSize(message.headers().size() + 2);
    }

    @Test
    void the_same_event_sent_twice_is_acked_as_a_duplicate_and_stored_once() throws Exception {
        String prefix = TestServer.uniquePrefix();
        String stream = server.stream(prefix);
        Map<String, String> settings = TestServer.settings(prefix + ".events");

        DeliveryOutcome first = destination.send(TestServer.message("evt_twice", settings));
        DeliveryOutcome second = destination.send(TestServer.message("evt_twice", settings));

        assertThat(first.detail()).isEqualTo("stream " + stream + ", sequence 1");
        assertThat(second.kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(second.detail()).isEqualTo("stream " + stream + ", sequence 1 (duplicate)");
        assertThat(server.count(stream)).isEqualTo(1);
    }

    @Test
    void eight_threads_sending_fifty_messages_each_are_all_acked_and_stored() throws Exception {
        String prefix = TestServer.uniquePrefix();
        String stream = server.stream(prefix);
        Map<String, String> settings = TestServer.settings(prefix + ".load");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<List<DeliveryOutcome>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<DeliveryOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        outcomes.add(destination.send(TestServer.message("evt_" + thread + "_" + i, settings)));
                    }
                    return outcomes;
                }));
            }
            for (Future<List<DeliveryOutcome>> result : results) {
                assertThat(result.get()).allSatisfy(o -> assertThat(o.kind()).as(o.detail())
                        .isEqualTo(DeliveryOutcome.Kind.DELIVERED));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.count(stream)).isEqualTo(400);
    }
}
