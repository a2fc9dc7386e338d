package io.plugboard.plugins.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What JetStream does not acknowledge becomes a retry that says why, and delivers once fixed. */
class TestNatsFailures {

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
    void a_subject_no_stream_captures_is_a_retry_then_delivers_once_the_stream_exists() throws Exception {
        String prefix = TestServer.uniquePrefix();
        Map<String, String> settings = TestServer.settings(prefix + ".{{type}}");

        DeliveryOutcome refused = destination.send(TestServer.message("evt_ns", settings));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("no JetStream stream").contains(prefix + ".payment_received");
        String stream = server.stream(prefix);
        DeliveryOutcome fixed = destination.send(TestServer.message("evt_ns", settings));
        assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(fixed.detail()).isEqualTo("stream " + stream + ", sequence 1");
    }

    @Test
    void a_server_that_is_not_listening_is_a_retry_naming_it() throws Exception {
        Map<String, String> settings = new HashMap<>(TestServer.settings("pbtest.down"));
        settings.put(NatsSettings.SERVERS, "nats://127.0.0.1:1");
        settings.put(NatsSettings.TOKEN, "t0ken-secret");

        DeliveryOutcome refused = destination.send(TestServer.message("evt_down", settings));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("nats://127.0.0.1:1").doesNotContain("t0ken-secret");
    }
}
