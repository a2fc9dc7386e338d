package io.plugboard.plugins.awssns;

import static io.plugboard.plugins.awssns.SnsFixtures.alarm;
import static io.plugboard.plugins.awssns.SnsFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.testkit.PluginHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        JsonNode inbound = harness.api().post("/api/v1/inbound-webhooks", Map.of("name", "CloudWatch IT",
                "receiver", "aws-sns", "settings", SnsFixtures.localSettings(keys))).expect(201).json();
        String id = inbound.path("id").asText();
        String url = inbound.path("url").asText();

        HttpResponse<String> accepted = post(url, signed(alarm("ALARM"), sns.url("/cert.pem"), "2", keys.signerKey));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode received = harness.api().get("/api/v1/received-events?inbound_webhook=" + id).expect(200).json().path("data");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("type").asText()).isEqualTo("alert_firing");
        assertThat(received.get(0).at("/data/alert_key").asText()).startsWith("aws-sns:arn:aws:cloudwatch:");
        assertThat(received.get(0).at("/origin/external_id").asText()).isEqualTo("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");

        ObjectNode tampered = alarm("OK");
        signed(tampered, sns.url("/cert.pem"), "2", keys.signerKey);
        tampered.put("MessageId", "5f0c1f4e-0000-4000-8000-000000000001");
        HttpResponse<String> rejected = post(url, tampered.toString());

        assertThat(rejected.statusCode()).isEqualTo(401);
        JsonNode errors = harness.api().get("/api/v1/inbound-webhooks/" + id + "/errors").expect(200).json().path("data");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("status").asInt()).isEqualTo(401);
        assertThat(errors.get(0).path("kind").asText()).isEqualTo("rejected");
        assertThat(errors.get(0).path("message").asText()).contains("the signature does not match");
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=UTF-8").header("x-amz-sns-message-type", "Notification")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
