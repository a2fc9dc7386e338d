package io.plugboard.host.apps;

import static io.plugboard.host.apps.TestApplications.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.inbound.Inbound;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inbound webhooks per application: each application has its own, another's is not found, and the events
 * one receives are emitted for its application, so they reach only that application's webhooks.
 */
class TestInboundPerApplication {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(Inbound.pluginsWith("generic-json-receiver")));

    private final Receiver forA = new Receiver();
    private final Receiver forB = new Receiver();
    private final Receiver forDefault = new Receiver();

    @AfterEach
    void closeReceivers() {
        forA.close();
        forB.close();
        forDefault.close();
    }

    @Test
    void anInboundWebhooksEventsReachOnlyItsApplicationsWebhooks() throws Exception {
        app("acme");
        app("globex");
        webhook("/api/v1/apps/acme", forA);
        webhook("/api/v1/apps/globex", forB);
        webhook("/api/v1", forDefault);
        JsonNode a = inbound("/api/v1/apps/acme", "From the shop");
        JsonNode b = inbound("/api/v1/apps/globex", "From the CRM");

        assertThat(Inbound.post(a.get("url").asText(), "{\"for\":\"acme\"}", Map.of()).status()).isEqualTo(202);
        assertThat(forA.awaitCount(1, WAIT).get(0).bodyText()).contains("\"for\":\"acme\"");
        assertThat(Inbound.post(b.get("url").asText(), "{\"for\":\"globex\"}", Map.of()).status()).isEqualTo(202);
        assertThat(forB.awaitCount(1, WAIT).get(0).bodyText()).contains("\"for\":\"globex\"");
        // One more to acme after globex's arrived: had either event gone to the other application, it would be there by now.
        assertThat(Inbound.post(a.get("url").asText(), "{\"for\":\"acme again\"}", Map.of()).status()).isEqualTo(202);
        assertThat(forA.awaitCount(2, WAIT).get(1).bodyText()).contains("acme again");
        assertThat(forA.all()).hasSize(2);
        assertThat(forB.all()).hasSize(1);
        assertThat(forDefault.all()).isEmpty();

        assertThat(received("/api/v1/apps/acme")).hasSize(2);
        assertThat(received("/api/v1/apps/globex")).hasSize(1);
        assertThat(received("/api/v1")).isEmpty();
    }

    @Test
    void anotherApplicationsInboundWebhookIsNotFound() {
        app("acme");
        app("globex");
        String b = inbound("/api/v1/apps/globex", "Theirs").get("id").asText();
        assertThat(host.http().get("/api/v1/apps/globex/inbound-webhooks/" + b).status()).isEqualTo(200);
        for (String base : List.of("/api/v1/apps/acme", "/api/v1")) {
            String path = base + "/inbound-webhooks/" + b;
            assertError(host.http().get(path), 404, "no inbound webhook");
            assertError(host.http().patchJson(path, "{\"name\":\"x\"}"), 404, "no inbound webhook");
            assertError(host.http().postJson(path + "/disable", "{}"), 404, "no inbound webhook");
            assertError(host.http().postJson(path + "/rotate-key", "{}"), 404, "no inbound webhook");
            assertError(host.http().postJson(path + "/verify", "{}"), 404, "no inbound webhook");
            assertError(host.http().get(path + "/errors"), 404, "no inbound webhook");
            assertError(host.http().delete(path), 404, "no inbound webhook");
            assertThat(host.http().get(base + "/inbound-webhooks").json().get("total").asInt()).isZero();
        }
        assertThat(host.http().get("/api/v1/apps/globex/inbound-webhooks").json().get("total").asInt()).isEqualTo(1);
        assertThat(host.http().delete("/api/v1/apps/globex/inbound-webhooks/" + b).status()).isEqualTo(204);
    }

    private void app(String uid) {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode inbound(String base, String name) {
        Http.Response r = host.http().postJson(base + "/inbound-webhooks",
                Http.json(Map.of("name", name, "receiver", "generic-json", "settings", Map.of())));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo(base + "/inbound-webhooks/" + r.json().get("id").asText());
        return r.json();
    }

    private List<JsonNode> received(String base) {
        Http.Response r = host.http().get(base + "/received-events");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> all = new java.util.ArrayList<>();
        r.json().get("data").forEach(all::add);
        return all;
    }

    private void webhook(String base, Receiver receiver) {
        Http.Response r = host.http().postJson(base + "/webhooks", "{\"name\":\"W\",\"url\":\"" + receiver.url("/hook")
                + "\",\"events\":[\"json_received\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
