package io.plugboard.bench;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the benchmark's inbound part with few requests and one round: both receiver jars load
 * from the benchmark's build, the generic-json webhook accepts every request, and every signed GitHub push
 * is accepted and emitted (a bad signature or a repeated delivery id fails the run). It checks the
 * harness works, not the numbers; it needs no broker.
 */
class TestInboundBenchSmoke {

    static {
        // As the benchmark's main sets it: the host's start-up and shutdown lines would bury the result in CI logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    @Test
    void inboundPartRunsEndToEnd() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> InboundBench.run(200, 1));
    }
}
