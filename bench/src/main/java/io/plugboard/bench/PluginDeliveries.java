package io.plugboard.bench;

import io.micrometer.core.instrument.Counter;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugboard's side of the destinations part: a fresh host with the destination plugins' jars loaded, one
 * webhook (to a plugin's destination or to an HTTP URL), {@code events} events emitted by one thread as
 * fast as it can, timed from the first emit until the host has counted every delivery succeeded (its
 * {@code plugboard.deliveries} meter, which counts a delivery once its outcome is committed).
 */
final class PluginDeliveries {

    /** The plugin jars the bench's build copies into its jar (see the pom's copy-bench-plugins). */
    private static final List<String> JARS = List.of("rabbitmq-destination.jar", "nats-destination.jar");

    /**
     * One measurement.
     *
     * @param rate deliveries/s from the first emit until the last delivery succeeded
     * @param emitRate events/s emitted (while sending shares the CPU): when close to {@code rate}, emitting was the bottleneck
     * @param failedAttempts attempts that failed (retried) meanwhile: 0 in a clean run
     */
    record Run(double rate, double emitRate, long failedAttempts) {}

    private PluginDeliveries() {}

    /** @return a fresh folder holding the destination plugins' jars, taken from the benchmark's jar */
    static Path pluginsDir() throws Exception {
        Path dir = Files.createTempDirectory("bench-plugins");
        for (String name : JARS) {
            try (InputStream jar = PluginDeliveries.class.getResourceAsStream("/bench-plugins/" + name)) {
                if (jar == null) {
                    throw new IllegalStateException(name + " is not in the benchmark's jar (or class path): build it with Maven");
                }
                Files.copy(jar, dir.resolve(name));
            }
        }
        return dir;
    }

    /**
     * @param target the webhook's {@code url} or {@code destination} field, as the REST API takes it
     */
    static Run run(Path plugins, Map<String, Object> target, int events) throws Exception {
        try (Plugboard host = DeliveryBench.builder(DeliverySettings.defaults(), Files.createTempDirectory("bench-data"))
                .pluginsDir(plugins).build().start()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "bench-destination");
            body.put("events", List.of("bench"));
            body.putAll(target);
            String webhook = Api.post(host, "/api/v1/webhooks", body, 201).get("id").asText();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                host.events().emitJson("bench", DeliveryBench.SAMPLE);
            }
            long emitted = System.nanoTime();
            long done = awaitSucceeded(host, webhook, events, start);
            return new Run(events / ((done - start) / 1e9), events / ((emitted - start) / 1e9),
                    count(host, "plugboard.delivery.attempts", webhook, "failure"));
        }
    }

    /** Polls the host's meter every millisecond; @return the nanoTime when it reached {@code events} */
    private static long awaitSucceeded(Plugboard host, String webhook, int events, long start) throws Exception {
        // Generous, but bounded: a broker that stopped answering fails the run instead of hanging it.
        long deadline = start + Math.max(120_000_000_000L, events * 20_000_000L);
        while (count(host, "plugboard.deliveries", webhook, "succeeded") < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count(host, "plugboard.deliveries", webhook, "succeeded")
                        + " of " + events + " deliveries succeeded in time; failed attempts: "
                        + count(host, "plugboard.delivery.attempts", webhook, "failure") + ", last error: "
                        + Api.get(host, "/api/v1/webhooks/" + webhook + "/stats").path("last_error").asText());
            }
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    private static long count(Plugboard host, String meter, String webhook, String outcome) {
        Counter counter = host.meterRegistry().find(meter).tag("webhook", webhook).tag("outcome", outcome).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
