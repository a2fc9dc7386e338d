package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.time.Duration;
import java.util.Map;

/**
 * Outgoing payload formats: deliveries/s to one webhook in CloudEvents format, and with a template plus
 * a custom header that carries a secret, as ratios to the standard format measured in the same round.
 * Each measures draining a backlog: the receiver holds every request while the events are emitted,
 * then lets go, so the rate is sending and recording alone (building and signing the body included),
 * not emitting.
 */
final class FormatsBench {

    private static final String TEMPLATE = "{\"event\": \"{{type}}\", \"id\": \"{{id}}\", \"at\": \"{{timestamp}}\", "
            + "\"order\": \"{{data.order_id}}\", \"amount\": \"{{data.amount}} {{data.currency}}\", "
            + "\"customer\": {{json data.customer}}, \"source\": \"{{webhook.name}}\"}";
    private static final Map<String, Object> STANDARD = Map.of("format", "standard");
    private static final Map<String, Object> CLOUDEVENTS = Map.of("format", "cloudevents");
    private static final Map<String, Object> TEMPLATED = Map.of("format", "template", "template", TEMPLATE,
            "headers", Map.of("X-Api-Key", "Key {{secret \"BENCH_API_KEY\"}}"));

    private FormatsBench() {}

    static void run(BenchReceiver receiver, int events, int rounds) throws Exception {
        drain(receiver, Math.min(events, 2_000), TEMPLATED); // warm-up
        double[] standard = new double[rounds];
        double[] cloudEvents = new double[rounds];
        double[] template = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            standard[i] = drain(receiver, events, STANDARD);
            cloudEvents[i] = drain(receiver, events, CLOUDEVENTS);
            template[i] = drain(receiver, events, TEMPLATED);
        }
        DeliveryBench.record("8a. format standard, 1 webhook, backlog drained",
                DeliveryBench.fmt(DeliveryBench.median(standard)) + " deliveries/s", "baseline", "");
        DeliveryBench.record("8b. format cloudevents, same",
                DeliveryBench.fmt(DeliveryBench.median(cloudEvents)) + " deliveries/s",
                DeliveryBench.ratios(cloudEvents, standard, "8a"), "");
        DeliveryBench.record("8c. format template + secret header, same",
                DeliveryBench.fmt(DeliveryBench.median(template)) + " deliveries/s",
                DeliveryBench.ratios(template, standard, "8a"), "");
    }

    /** @return deliveries/s from the receiver's release until it has answered every one */
    static double drain(BenchReceiver receiver, int events, Map<String, Object> payload) throws Exception {
        // Held requests wait while the events are emitted: give them time enough on a busy machine.
        DeliverySettings settings = DeliverySettings.defaults().toBuilder().requestTimeout(Duration.ofMinutes(2)).build();
        try (Plugboard host = DeliveryBench.start(settings)) {
            Api.post(host, "/api/v1/secrets", Map.of("name", "BENCH_API_KEY", "value", "k-5bd1e6a0c27f4d8e"), 201);
            Api.webhook(host, "bench", receiver.url("/format"), payload);
            receiver.reset();
            receiver.hold();
            try {
                for (int i = 0; i < events; i++) {
                    host.events().emitJson("bench", DeliveryBench.SAMPLE);
                }
            } finally {
                receiver.release();
            }
            long released = System.nanoTime();
            long done = receiver.awaitCount(events, 120_000);
            return events / ((done - released) / 1e9);
        }
    }
}
