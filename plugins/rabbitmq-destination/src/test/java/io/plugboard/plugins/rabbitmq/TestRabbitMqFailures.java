package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the broker refuses becomes a retry that says why, and the same webhook delivers once it is fixed. */
class TestRabbitMqFailures {

    private TestBroker broker;
    private RabbitMqDestination destination;

    @BeforeEach
    void open() throws Exception {
        broker = new TestBroker();
        destination = new RabbitMqDestination();
    }

    @AfterEach
    void close() throws Exception {
        destination.close();
        broker.close();
    }

    @Test
    void a_wrong_password_is_a_retry_naming_authentication_then_the_right_one_delivers() throws Exception {
        String queue = broker.queue(null);
        Map<String, String> wrong = new HashMap<>(TestBroker.settings("", queue));
        wrong.put(RabbitMqSettings.PASSWORD, "not-the-password");

        DeliveryOutcome refused = destination.send(TestBroker.message("evt_pw", wrong));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).containsIgnoringCase("authentication").doesNotContain("not-the-password");
        DeliveryOutcome fixed = destination.send(TestBroker.message("evt_pw", TestBroker.settings("", queue)));
        assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo("evt_pw");
    }

    @Test
    void a_full_queue_that_rejects_publishes_is_a_nack_retry_then_delivers_once_redeclared() throws Exception {
        String queue = broker.queue(Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
        Map<String, String> settings = TestBroker.settings("", queue);

        DeliveryOutcome refused = destination.send(TestBroker.message("evt_full", settings));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("nack");
        broker.deleteQueue(queue);
        broker.declareQueue(queue, null);
        DeliveryOutcome fixed = destination.send(TestBroker.message("evt_full", settings));
        assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo("evt_full");
    }

    @Test
    void an_unroutable_message_is_a_retry_saying_no_queue_is_bound_then_delivers_once_bound() throws Exception {
        String exchange = broker.exchange();
        String queue = broker.queue(null);
        Map<String, String> settings = TestBroker.settings(exchange, "nobody.{{type}}");

        DeliveryOutcome refused = destination.send(TestBroker.message("evt_nr", settings));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("no queue is bound").contains("nobody.payment_received");
        broker.bind(queue, exchange, "nobody.payment_received");
        DeliveryOutcome fixed = destination.send(TestBroker.message("evt_nr", settings));
        assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo("evt_nr");
    }

    @Test
    void a_missing_exchange_is_a_retry_naming_it_and_the_next_send_gets_a_fresh_channel() throws Exception {
        String missing = TestBroker.unique("pb-test-missing");
        String queue = broker.queue(null);

        DeliveryOutcome refused = destination.send(TestBroker.message("evt_nx", TestBroker.settings(missing, "k")));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("no exchange").contains(missing);
        DeliveryOutcome next = destination.send(TestBroker.message("evt_nx", TestBroker.settings("", queue)));
        assertThat(next.kind()).as(next.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
    }

    @Test
    void a_connection_that_broke_is_reopened_by_the_next_send() throws Exception {
        String queue = broker.queue(null);
        Map<String, String> settings = TestBroker.settings("", queue);
        assertThat(destination.send(TestBroker.message("evt_r1", settings)).kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);

        destination.abortConnections();
        DeliveryOutcome next = destination.send(TestBroker.message("evt_r2", settings));

        assertThat(next.kind()).as(next.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo("evt_r1");
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo("evt_r2");
    }

    @Test
    void a_broker_that_is_not_listening_is_a_retry_within_the_send_budget() throws Exception {
        Map<String, String> settings = new HashMap<>(TestBroker.settings("", "q"));
        settings.put(RabbitMqSettings.URI_KEY, "amqp://127.0.0.1:1/%2F");
        long started = System.nanoTime();

        DeliveryOutcome refused = destination.send(TestBroker.message("evt_down", settings));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("amqp://127.0.0.1:1/%2F").containsIgnoringCase("refused");
        assertThat(System.nanoTime() - started).isLessThan(RabbitMqDestination.SEND_BUDGET.toNanos() + 1_000_000_000L);
    }
}
