package io.plugboard.plugins.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.api.MessageInfo;
import io.plugboard.testkit.HostWebhook;
import io.plugboard.testkit.PluginHarness;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar in a real host, to the real NATS JetStream: a webhook made through the REST API delivers
 * signed envelopes, its test send answers with the stream's ack, and a subject no stream captures is
 * retried, logged with its reason, and delivered once the stream exists.
 */
class ITNatsThroughHost {

    private TestServer server;
    private PluginHarness harness;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        harness = ThroughHost.start();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        server.close();
    }

    @Test
    void emitted_events_arrive_as_signed_envelopes_with_their_headers() throws Exception {
        String prefix = TestServer.uniquePrefix();
        String stream = server.stream(prefix);
        HostWebhook webhook = webhook(TestServer.settings(prefix + ".{{type}}"));
        Map<String, Object> data = Map.of("order_id", "ord_42", "total", "12.50");

        String eventId = harness.emit(ThroughHost.EVENT, data);

        JsonNode delivery = webhook.awaitSucceeded(eventId, ThroughHost.WAIT);
        assertThat(webhook.attempts(delivery.path("id").asText()).get(0).path("response_body").asText())
                .isEqualTo("stream " + stream + ", sequence 1");
        MessageInfo message = server.message(stream, 1);
        assertThat(message.getSubject()).isEqualTo(prefix + "." + ThroughHost.EVENT);
        assertThat(message.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(eventId);
        assertThat(message.getHeaders().getFirst("Content-Type")).isEqualTo("application/json");
        ThroughHost.assertEnvelopeOf(message.getData(), message.getHeaders()::getFirst, webhook.secret(), eventId, data);
    }

    @Test
    void the_test_send_answers_with_the_streams_ack() throws Exception {
        String prefix = TestServer.uniquePrefix();
        String stream = server.stream(prefix);
        HostWebhook webhook = webhook(TestServer.settings(prefix + ".events"));

        JsonNode test = webhook.sendTest();

        assertThat(test.path("success").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.path("response_body").asText()).isEqualTo("stream " + stream + ", sequence 1");
        MessageInfo message = server.message(stream, 1);
        assertThat(message.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(test.path("event_id").asText());
        ThroughHost.assertEnvelopeOf(message.getData(), message.getHeaders()::getFirst, webhook.secret(),
                test.path("event_id").asText(), Map.of("order_id", "ord_1"));
    }

    @Test
    void a_subject_no_stream_captures_is_retried_and_logged_until_the_stream_exists() throws Exception {
        String prefix = TestServer.uniquePrefix();
        HostWebhook webhook = webhook(TestServer.settings(prefix + ".{{type}}"));

        String eventId = harness.emit(ThroughHost.EVENT, Map.of("order_id", "ord_ns"));

        JsonNode pending = webhook.awaitDeliveries("two failed attempts", ThroughHost.WAIT,
                d -> d.size() == 1 && d.get(0).path("attempts").asInt() >= 2).get(0);
        assertThat(pending.path("status").asText()).isEqualTo("pending");
        JsonNode firstAttempt = webhook.attempts(pending.path("id").asText()).get(0);
        assertThat(firstAttempt.path("success").asBoolean()).isFalse();
        assertThat(firstAttempt.path("error").asText()).contains("no JetStream stream captures the subject")
                .contains(prefix + "." + ThroughHost.EVENT);
        String stream = server.stream(prefix);
        webhook.awaitSucceeded(eventId, ThroughHost.WAIT);
        assertThat(server.count(stream)).isEqualTo(1);
        assertThat(server.message(stream, 1).getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(eventId);
    }

    private HostWebhook webhook(Map<String, String> settings) {
        return harness.destinationWebhook("nats", settings, ThroughHost.EVENT);
    }
}
