package io.plugboard.plugins.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/** Several host threads sending at once through one shared connection: every message is acknowledged. */
class TestMqttConcurrentSends {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 50;

    @Test
    void everyMessageFromEightThreadsIsDeliveredOnce() throws Exception {
        String topic = TestMessages.uniqueTopic("concurrent");
        Map<String, String> settings = Map.of(MqttSettings.SERVER, TestMessages.BROKER, MqttSettings.TOPIC, topic);
        MqttDestination destination = new MqttDestination();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (TopicSubscriber subscriber = new TopicSubscriber(topic)) {
            List<Future<List<DeliveryOutcome>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<DeliveryOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        String id = "evt_" + thread + "_" + i;
                        outcomes.add(destination.send(TestMessages.message(id, "{\"id\":\"" + id + "\"}", settings)));
                    }
                    return outcomes;
                }));
            }
            for (Future<List<DeliveryOutcome>> result : results) {
                assertThat(result.get()).allSatisfy(outcome ->
                        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED));
            }
            Set<String> bodies = new HashSet<>();
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                MqttMessage message = subscriber.next(5_000);
                assertThat(message).as("message %d of %d", i + 1, THREADS * PER_THREAD).isNotNull();
                bodies.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }
            assertThat(bodies).hasSize(THREADS * PER_THREAD).contains("{\"id\":\"evt_7_49\"}");
        } finally {
            threads.shutdownNow();
            destination.close();
        }
    }
}
