package io.plugboard.plugins.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.InboundWebhook;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built jar in a real host: a Datadog trigger and recovery through an inbound webhook's URL. */
class ITDatadogReceiverHost {

    @Test
    void trigger_and_recovery_become_a_firing_and_resolved_pair_and_a_bad_secret_is_refused() throws Exception {
        try (PluginHarness harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar"))).start()) {
            InboundWebhook inbound = harness.inboundWebhook("datadog", Map.of("secret", TestDatadogReceiver.SECRET));

            for (String sample : new String[] {"triggered.json", "recovered.json"}) {
                HostApi.Response r = inbound.post(TestDatadogReceiver.sample(sample), "X-Plugboard-Secret", TestDatadogReceiver.SECRET);
                assertThat(r.status()).as(r.body()).isEqualTo(202);
            }
            // Datadog's retry of the trigger (same $ID) is not emitted twice.
            assertThat(inbound.post(TestDatadogReceiver.sample("triggered.json"), "X-Plugboard-Secret", TestDatadogReceiver.SECRET)
                    .status()).isEqualTo(202);
            JsonNode events = inbound.receivedEvents();
            assertThat(events).hasSize(2);
            assertThat(events).extracting(e -> e.path("type").asText()).containsExactlyInAnyOrder("alert_firing", "alert_resolved");
            assertThat(events).extracting(e -> e.path("data").path("alert_key").asText()).containsOnly("datadog:7412345678901234567");

            assertThat(inbound.post(TestDatadogReceiver.sample("triggered.json"), "X-Plugboard-Secret", "not-the-secret")
                    .status()).isEqualTo(401);
            JsonNode first = inbound.errors().path(0);
            assertThat(first.path("status").asInt()).isEqualTo(401);
            assertThat(first.path("kind").asText()).isEqualTo("rejected");
        }
    }
}
