package io.plugboard.host.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application's own auto-disable time wins over the host's; bad values are refused. */
class TestApplicationDeliverySettings {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(
            TestHost.FAST.toBuilder().autoDisable(Duration.ofMillis(100), 3).build()));

    @Test
    void anApplicationsOwnAutoDisableTimeKeepsItsFailingWebhookOn() throws Exception {
        Http.Response app = host.http().postJson("/api/v1/apps",
                "{\"uid\":\"patient\",\"name\":\"Patient\",\"auto_disable_after_hours\":1}");
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        assertThat(app.json().get("auto_disable_after_hours").asInt()).isEqualTo(1);
        try (Receiver failing = new Receiver().respond(500, "down")) {
            String mine = create("/api/v1/apps/patient", failing);
            String hosts = create("/api/v1", failing);
            host.host().emitFor("patient", "ping", Map.of("n", 1));
            host.host().events().emit("ping", Map.of("n", 2));
            Await.until("the default application's webhook turned off after 100 ms of failures",
                    () -> !webhook("/api/v1", hosts).get("enabled").asBoolean());

            // One more failure of the other, recorded after its streak is far older than the host's 100 ms: the
            // check that turned the first one off ran again for it.
            long failed = webhook("/api/v1/apps/patient", mine).get("deliveries_failed").asLong();
            host.host().emitFor("patient", "ping", Map.of("n", 3));
            Await.until("another failed attempt recorded",
                    () -> webhook("/api/v1/apps/patient", mine).get("deliveries_failed").asLong() > failed);
            assertThat(webhook("/api/v1/apps/patient", mine).get("enabled").asBoolean())
                    .as("its application allows an hour").isTrue();
        }
    }

    @Test
    void refusesValuesOutOfRange() {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"x\",\"name\":\"X\",\"retention_days\":0,"
                + "\"auto_disable_after_hours\":1.5}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("details").toString()).contains("retention_days").contains("auto_disable_after_hours");
        Http.Response cleared = host.http().patchJson("/api/v1/apps/default", "{\"retention_days\":7}");
        assertThat(cleared.json().get("retention_days").asInt()).isEqualTo(7);
        assertThat(host.http().patchJson("/api/v1/apps/default", "{\"retention_days\":null}").json()
                .get("retention_days").isNull()).isTrue();
    }

    private String create(String base, Receiver receiver) {
        Http.Response r = host.http().postJson(base + "/webhooks", "{\"name\":\"W\",\"url\":\"" + receiver.url("/w")
                + "\",\"events\":[\"ping\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode webhook(String base, String id) {
        return host.http().get(base + "/webhooks/" + id).json();
    }
}
