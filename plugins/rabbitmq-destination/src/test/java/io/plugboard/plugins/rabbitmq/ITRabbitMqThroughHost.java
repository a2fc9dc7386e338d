package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.plugboard.testkit.HostWebhook;
import io.plugboard.testkit.PluginHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar in a real host, to the real RabbitMQ: a webhook made through the REST API delivers signed
 * envelopes, its test send answers with the broker's confirm, and a broken delivery is retried, logged
 * with its reason, and delivered once the webhook's settings are fixed.
 */
class ITRabbitMqThroughHost {

    private TestBroker broker;
    private PluginHarness harness;

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker();
        harness = ThroughHost.start();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        broker.close();
    }

    @Test
    void emitted_events_arrive_as_signed_envelopes_with_their_properties() throws Exception {
        String queue = broker.queue(null);
        HostWebhook webhook = webhook(TestBroker.settings("", queue));
        assertThat(webhook.created().path("destination").path("settings").path("password").asText()).isEqualTo("********");
        Map<String, Object> data = Map.of("order_id", "ord_42", "total", "12.50");

        String eventId = harness.emit(ThroughHost.EVENT, data);

        GetResponse message = broker.next(queue);
        AMQP.BasicProperties props = message.getProps();
        assertThat(props.getMessageId()).isEqualTo(eventId);
        assertThat(props.getType()).isEqualTo(ThroughHost.EVENT);
        assertThat(props.getContentType()).isEqualTo("application/json");
        assertThat(props.getDeliveryMode()).isEqualTo(2);
        assertThat(props.getAppId()).isEqualTo("plugboard");
        ThroughHost.assertEnvelopeOf(message.getBody(), name -> header(props, name), webhook.secret(), eventId, data);
        JsonNode delivery = webhook.awaitSucceeded(eventId, ThroughHost.WAIT);
        assertThat(webhook.attempts(delivery.path("id").asText()).get(0).path("response_body").asText())
                .startsWith("confirmed by the broker");
    }

    @Test
    void the_test_send_answers_with_the_brokers_confirm() throws Exception {
        String queue = broker.queue(null);
        HostWebhook webhook = webhook(TestBroker.settings("", queue));

        JsonNode test = webhook.sendTest();

        assertThat(test.path("success").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.path("response_body").asText()).startsWith("confirmed by the broker").contains(queue);
        GetResponse message = broker.next(queue);
        assertThat(message.getProps().getMessageId()).isEqualTo(test.path("event_id").asText());
        ThroughHost.assertEnvelopeOf(message.getBody(), name -> header(message.getProps(), name), webhook.secret(),
                test.path("event_id").asText(), Map.of("order_id", "ord_1"));
    }

    @Test
    void a_wrong_password_is_retried_and_logged_and_the_fixed_settings_deliver() throws Exception {
        String queue = broker.queue(null);
        Map<String, String> wrong = new HashMap<>(TestBroker.settings("", queue));
        wrong.put(RabbitMqSettings.PASSWORD, "not-the-password");
        HostWebhook webhook = webhook(wrong);

        String eventId = harness.emit(ThroughHost.EVENT, Map.of("order_id", "ord_pw"));

        JsonNode pending = webhook.awaitDeliveries("two failed attempts", ThroughHost.WAIT,
                d -> d.size() == 1 && d.get(0).path("attempts").asInt() >= 2).get(0);
        assertThat(pending.path("status").asText()).isEqualTo("pending");
        JsonNode firstAttempt = webhook.attempts(pending.path("id").asText()).get(0);
        assertThat(firstAttempt.path("success").asBoolean()).isFalse();
        assertThat(firstAttempt.path("error").asText()).containsIgnoringCase("authentication failed")
                .doesNotContain("not-the-password");
        webhook.changeDestination("rabbitmq", TestBroker.settings("", queue));
        webhook.awaitSucceeded(eventId, ThroughHost.WAIT);
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo(eventId);
    }

    @Test
    void a_full_queue_that_rejects_publishes_is_retried_until_it_is_redeclared() throws Exception {
        String queue = broker.queue(Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
        HostWebhook webhook = webhook(TestBroker.settings("", queue));

        String eventId = harness.emit(ThroughHost.EVENT, Map.of("order_id", "ord_full"));

        JsonNode pending = webhook.awaitDeliveries("two refused attempts", ThroughHost.WAIT,
                d -> d.size() == 1 && d.get(0).path("attempts").asInt() >= 2).get(0);
        assertThat(webhook.attempts(pending.path("id").asText()).get(0).path("error").asText()).contains("nack");
        broker.deleteQueue(queue);
        broker.declareQueue(queue, null);
        webhook.awaitSucceeded(eventId, ThroughHost.WAIT);
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo(eventId);
    }

    private HostWebhook webhook(Map<String, String> settings) {
        return harness.destinationWebhook("rabbitmq", settings, ThroughHost.EVENT);
    }

    private static String header(AMQP.BasicProperties props, String name) {
        Object value = props.getHeaders().get(name);
        return value == null ? null : value.toString();
    }
}
