package io.plugboard.bench;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the benchmark's destinations part with few events and one round, against the local
 * RabbitMQ (127.0.0.1:5672) and NATS with JetStream (127.0.0.1:4222): the plugin jars load from the
 * benchmark's build, every path delivers every event, the queue and stream hold every message, and both
 * are deleted afterwards. It checks the harness works, not the numbers.
 */
class TestDestinationBenchSmoke {

    static {
        // As the benchmark's main sets it: the hosts' start-up and shutdown lines would bury the result in CI logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    @Test
    void destinationsPartRunsEndToEnd() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            try (BenchReceiver receiver = new BenchReceiver(16)) {
                DestinationBench.run(receiver, 200, 1);
            }
        });
    }
}
