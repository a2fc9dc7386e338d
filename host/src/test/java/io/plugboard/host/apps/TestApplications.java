package io.plugboard.host.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Applications (tenants) over the REST API: their own webhooks, events that reach only them, broadcasts. */
class TestApplications {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.eventType(EventType.builder("maintenance").name("Maintenance")
                    .sample("{\"at\":\"soon\"}").broadcast().build())
                    .eventType(EventType.builder("invoice.paid").name("Invoice paid").sample("{\"n\":1}").build())));

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
    void createsListsChangesAndRefusesBadInput() {
        Http.Response created = host.http().postJson("/api/v1/apps",
                "{\"uid\":\"acme\",\"name\":\"Acme Inc.\",\"metadata\":{\"plan\":\"pro\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode acme = created.json();
        assertThat(acme.get("id").asText()).startsWith("app_");
        assertThat(created.header("Location")).isEqualTo("/api/v1/apps/" + acme.get("id").asText());
        assertThat(acme.get("metadata").get("plan").asText()).isEqualTo("pro");
        assertThat(acme.get("allowed_event_types").isNull()).isTrue();

        assertThat(host.http().get("/api/v1/apps/acme").json().get("id")).isEqualTo(acme.get("id"));
        JsonNode list = host.http().get("/api/v1/apps").json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.get("data").get(0).get("uid").asText()).as("the default application first").isEqualTo("default");

        assertError(host.http().postJson("/api/v1/apps", "{\"uid\":\"acme\",\"name\":\"Again\"}"), 409, "uid 'acme' exists");
        Http.Response bad = host.http().postJson("/api/v1/apps", "{\"uid\":\"no spaces\",\"metadata\":[1],"
                + "\"allowed_event_types\":[\"Invoice*\"],\"frame_ancestors\":[\"https://x.example/path\"],"
                + "\"theme\":{\"primary_color\":\"red\"}}");
        assertError(bad, 400, "uid");
        assertThat(bad.json().get("details").toString()).contains("name").contains("metadata")
                .contains("allowed_event_types[0]").contains("frame_ancestors[0]").contains("theme.primary_color");
        assertThat(host.http().get("/api/v1/apps").json().get("total").asInt()).as("nothing stored").isEqualTo(2);

        JsonNode changed = host.http().patchJson("/api/v1/apps/acme", "{\"name\":\"Acme\",\"allowed_event_types\":"
                + "[\"invoice.*\"],\"theme\":{\"primary_color\":\"#112233\",\"color_scheme\":\"dark\"}}").json();
        assertThat(changed.get("name").asText()).isEqualTo("Acme");
        assertThat(changed.get("allowed_event_types").toString()).isEqualTo("[\"invoice.*\"]");
        assertThat(changed.get("theme").get("color_scheme").asText()).isEqualTo("dark");
        assertError(host.http().get("/api/v1/apps/nope"), 404, "no application has the id or uid 'nope'");
    }

    @Test
    void anEventForOneApplicationReachesOnlyItsWebhooks() throws Exception {
        app("acme");
        String globex = host.host().ensureApplication("globex", "Globex");
        assertThat(host.host().ensureApplication("globex", "Other name")).as("an existing one is kept").isEqualTo(globex);
        assertThat(host.http().get("/api/v1/apps/globex").json().get("name").asText()).isEqualTo("Globex");
        webhook("/api/v1/apps/acme", forA, "invoice.paid", "maintenance");
        webhook("/api/v1/apps/globex", forB, "invoice.paid", "maintenance");
        webhook("/api/v1", forDefault, "invoice.paid", "maintenance");

        assertThat(host.http().postJson("/api/v1/apps/acme/events", "{\"type\":\"invoice.paid\",\"data\":{\"n\":1}}")
                .status()).isEqualTo(202);
        assertThat(host.http().postJson("/api/v1/apps/globex/events/batch",
                "{\"events\":[{\"type\":\"invoice.paid\",\"data\":{\"n\":2}}]}").status()).isEqualTo(202);
        host.host().emitFor("acme", "invoice.paid", Map.of("n", 3));
        host.host().events().emit("invoice.paid", Map.of("n", 4));

        assertThat(forA.awaitCount(2, WAIT)).extracting(r -> r.bodyText().contains("\"n\":1") || r.bodyText().contains("\"n\":3"))
                .containsOnly(true);
        assertThat(forB.awaitCount(1, WAIT).get(0).bodyText()).contains("\"n\":2");
        assertThat(forDefault.awaitCount(1, WAIT).get(0).bodyText()).contains("\"n\":4");

        // A broadcast type emitted without an application reaches every application's subscribers.
        host.host().events().emit("maintenance", Map.of("at", "tonight"));
        assertThat(forA.awaitCount(3, WAIT).get(2).bodyText()).contains("tonight");
        assertThat(forB.awaitCount(2, WAIT).get(1).bodyText()).contains("tonight");
        assertThat(forDefault.awaitCount(2, WAIT).get(1).bodyText()).contains("tonight");
        assertThat(forA.all()).hasSize(3);
        assertThat(forB.all()).hasSize(2);
        assertThat(forDefault.all()).hasSize(2);
        assertError(host.http().postJson("/api/v1/apps/nope/events", "{\"type\":\"invoice.paid\",\"data\":{}}"), 404,
                "no application");

        String acme = host.http().get("/api/v1/apps/acme").json().get("id").asText();
        String metrics = host.http().get("/metrics").body();
        assertThat(metrics).containsPattern("plugboard_delivery_attempts_total\\{app=\"" + acme + "\",outcome=\"success\"")
                .contains("app=\"app_default\"");
    }

    @Test
    void webhooksOfAnotherApplicationAreNotFound() {
        app("acme");
        app("globex");
        String b = webhook("/api/v1/apps/globex", forB, "invoice.paid");
        assertThat(host.http().get("/api/v1/apps/globex/webhooks/" + b).status()).isEqualTo(200);
        for (String base : List.of("/api/v1/apps/acme", "/api/v1")) {
            assertError(host.http().get(base + "/webhooks/" + b), 404, "no webhook has the id");
            assertError(host.http().patchJson(base + "/webhooks/" + b, "{\"name\":\"x\"}"), 404, "no webhook");
            assertError(host.http().delete(base + "/webhooks/" + b), 404, "no webhook");
            assertError(host.http().postJson(base + "/webhooks/" + b + "/rotate-secret", "{}"), 404, "no webhook");
            assertThat(host.http().get(base + "/webhooks").json().get("total").asInt()).isZero();
        }
        assertThat(host.http().get("/api/v1/apps/globex/webhooks").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void theAllowListRefusesOtherTypesAndNarrowingDropsSubscriptions() {
        app("acme");
        String id = webhook("/api/v1/apps/acme", forA, "invoice.paid", "maintenance");
        Http.Response narrowed = host.http().patchJson("/api/v1/apps/acme", "{\"allowed_event_types\":[\"invoice.*\"]}");
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        assertThat(host.http().get("/api/v1/apps/acme/webhooks/" + id).json().get("events").toString())
                .isEqualTo("[\"invoice.paid\"]");
        assertError(host.http().postJson("/api/v1/apps/acme/webhooks", "{\"name\":\"M\",\"url\":\"" + forA.url("/m")
                + "\",\"events\":[\"maintenance\"]}"), 400, "may not subscribe to maintenance");
        Http.Response cleared = host.http().patchJson("/api/v1/apps/acme", "{\"allowed_event_types\":null}");
        assertThat(cleared.json().get("allowed_event_types").isNull()).isTrue();
    }

    @Test
    void deletingAnApplicationNeedsItsUidAndLeavesOthersAlone() {
        app("acme");
        app("globex");
        String a = webhook("/api/v1/apps/acme", forA, "invoice.paid");
        webhook("/api/v1/apps/globex", forB, "invoice.paid");
        Http.Response unconfirmed = host.http().delete("/api/v1/apps/globex");
        assertError(unconfirmed, 400, "deletes its 1 webhook(s)");
        assertError(host.http().delete("/api/v1/apps/default?confirm=default"), 409, "cannot be deleted");

        assertThat(host.http().delete("/api/v1/apps/globex?confirm=globex").status()).isEqualTo(204);
        assertError(host.http().get("/api/v1/apps/globex"), 404, "no application");
        assertThat(host.http().get("/api/v1/apps/acme/webhooks/" + a).status()).isEqualTo(200);
        assertThat(host.http().get("/api/v1/apps").json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aWebhooksOperationalEventsGoToItsOwnApplication() throws Exception {
        app("acme");
        try (Receiver gone = new Receiver().respond(410, "")) {
            webhook("/api/v1/apps/acme", gone, "invoice.paid");
            webhook("/api/v1/apps/acme", forA, "webhook_disabled");
            String defaultAlerts = webhook("/api/v1", forDefault, "webhook_disabled");
            host.host().emitFor("acme", "invoice.paid", Map.of("n", 1));
            assertThat(forA.awaitCount(1, WAIT).get(0).bodyText()).contains("webhook_disabled").contains("\"gone\"");
            // Its deliveries were written with the event, so by now the default's would be there too.
            assertThat(host.http().get("/api/v1/webhooks/" + defaultAlerts + "/deliveries").json().get("data"))
                    .as("another application's webhook is none of the default application's business").isEmpty();
        }
    }

    @Test
    void theFacadeMakesSingleUsePortalLinksAndRefusesBadOnes() {
        host.host().ensureApplication("acme", "Acme");
        String link = host.host().portalLink("acme", Duration.ofMinutes(5), true);
        assertThat(link).startsWith("/portal/enter/");
        assertThat(Http.exchange(host.host().baseUrl(), "GET", link, Map.of(), null).status()).as("opens once")
                .isEqualTo(302);
        assertThat(Http.exchange(host.host().baseUrl(), "GET", link, Map.of(), null).status()).isEqualTo(410);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.host().portalLink("nope", Duration.ofMinutes(5), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no application");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.host().portalLink("acme", Duration.ofDays(8), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seconds");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.host().ensureApplication("no spaces", "X"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uid");
    }

    private void app(String uid) {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String webhook(String base, Receiver receiver, String... events) {
        String list = String.join("\",\"", events);
        Http.Response r = host.http().postJson(base + "/webhooks", "{\"name\":\"W\",\"url\":\"" + receiver.url("/hook")
                + "\",\"events\":[\"" + list + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static void assertError(Http.Response r, int status, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("error").asText()).as(r.body()).contains(message);
    }
}
