package io.plugboard.plugins.awssns;

import static io.plugboard.plugins.awssns.SnsFixtures.alarm;
import static io.plugboard.plugins.awssns.SnsFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.InboundWebhook;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built jar in a real host: an inbound webhook of the {@code aws-sns} receiver, created through the
 * API, accepts a signed CloudWatch alarm (202, an {@code alert_firing} among the received events) and
 * refuses a tampered one (401, recorded in the inbound webhook's errors).
 */
class ITAwsSnsReceiverThroughHost {

    private final SnsKeys keys = SnsKeys.get();
    private LocalSns sns;
    private PluginHarness harness;

    @BeforeEach
    void start() throws Exception {
        sns = new LocalSns(keys);
        harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar"))).start();
    }

    @AfterEach
    void stop() {
        harness.close();
        sns.close();
    }

    @Test
    void aSignedAlarmIsReceivedAndATamperedOneRecordedAsRejected() throws Exception {
        InboundWebhook inbound = harness.inboundWebhook("aws-sns", SnsFixtures.localSettings(keys));

        HostApi.Response accepted = post(inbound, signed(alarm("ALARM"), sns.url("/cert.pem"), "2", keys.signerKey));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode received = inbound.receivedEvents();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("type").asText()).isEqualTo("alert_firing");
        assertThat(received.get(0).at("/data/alert_key").asText()).startsWith("aws-sns:arn:aws:cloudwatch:");
        assertThat(received.get(0).at("/origin/external_id").asText()).isEqualTo("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");

        ObjectNode tampered = alarm("OK");
        signed(tampered, sns.url("/cert.pem"), "2", keys.signerKey);
        tampered.put("MessageId", "5f0c1f4e-0000-4000-8000-000000000001");
        HostApi.Response rejected = post(inbound, tampered.toString());

        assertThat(rejected.status()).isEqualTo(401);
        JsonNode errors = inbound.errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("status").asInt()).isEqualTo(401);
        assertThat(errors.get(0).path("kind").asText()).isEqualTo("rejected");
        assertThat(errors.get(0).path("message").asText()).contains("the signature does not match");
    }

    private static HostApi.Response post(InboundWebhook inbound, String body) {
        return inbound.post(body, "Content-Type", "text/plain; charset=UTF-8", "x-amz-sns-message-type", "Notification");
    }
}
