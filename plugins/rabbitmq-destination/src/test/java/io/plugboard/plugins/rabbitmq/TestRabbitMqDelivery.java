package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.OutgoingMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages reach a queue of the local RabbitMQ with their body and every property. */
class TestRabbitMqDelivery {

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
    void a_message_arrives_persistent_with_its_id_type_content_type_timestamp_and_headers() throws Exception {
        String exchange = broker.exchange();
        String queue = broker.queue(null);
        broker.bind(queue, exchange, "orders.payment_received");
        OutgoingMessage message = TestBroker.message("evt_" + TestBroker.unique("a"),
                TestBroker.settings(exchange, "orders.{{type}}"));

        DeliveryOutcome outcome = destination.send(message);

        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(outcome.detail()).contains(exchange).contains("orders.payment_received");
        GetResponse received = broker.next(queue);
        assertThat(received.getBody()).isEqualTo(message.body());
        assertThat(received.getEnvelope().getExchange()).isEqualTo(exchange);
        assertThat(received.getEnvelope().getRoutingKey()).isEqualTo("orders.payment_received");
        AMQP.BasicProperties props = received.getProps();
        assertThat(props.getDeliveryMode()).isEqualTo(2);
        assertThat(props.getMessageId()).isEqualTo(message.eventId());
        assertThat(props.getType()).isEqualTo("payment_received");
        assertThat(props.getContentType()).isEqualTo("application/json");
        assertThat(props.getTimestamp().toInstant()).isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
        Map<String, Object> headers = props.getHeaders();
        assertThat(headers).hasSize(message.headers().size());
        message.headers().forEach((name, value) -> assertThat(String.valueOf(headers.get(name))).as(name).isEqualTo(value));
    }

    @Test
    void the_default_exchange_routes_to_the_queue_named_by_the_routing_key() throws Exception {
        String queue = broker.queue(null);

        DeliveryOutcome outcome = destination.send(TestBroker.message("evt_d", TestBroker.settings("", queue)));

        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(broker.next(queue).getProps().getMessageId()).isEqualTo("evt_d");
    }

    @Test
    void eight_threads_sending_fifty_messages_each_are_all_confirmed_and_queued() throws Exception {
        String exchange = broker.exchange();
        String queue = broker.queue(null);
        broker.bind(queue, exchange, "load");
        Map<String, String> settings = TestBroker.settings(exchange, "load");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<List<DeliveryOutcome>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<DeliveryOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        outcomes.add(destination.send(TestBroker.message("evt_" + thread + "_" + i, settings)));
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
        // Confirmed means the queue has them: no waiting needed.
        assertThat(broker.messageCount(queue)).isEqualTo(400);
    }
}
