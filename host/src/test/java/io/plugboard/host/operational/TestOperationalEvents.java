package io.plugboard.host.operational;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.OperationalTypes;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import io.plugboard.sdk.EventType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's operational events, delivered by a real host to real HTTP receivers: a webhook turned off
 * by 410 or by an admin, a failing streak once per streak, retries running out, a plugin failing and
 * being updated; and never to the webhook they are about.
 */
class TestOperationalEvents {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"), b -> b.webhookFailingAfter(3));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void theCatalogListsTheHostsTypesWithSamplesThatMatchTheirSchemasAndNobodyElseMayEmitThem() {
        JsonNode types = host.http().get("/api/v1/event-types").json();
        for (EventType type : OperationalTypes.all()) {
            JsonNode listed = find(types, type.key());
            assertThat(listed).as(type.key()).isNotNull();
            assertThat(listed.get("plugin_id").asText()).as(type.key()).isEqualTo("plugboard");
            assertThat(listed.get("group").asText()).isEqualTo("Plugboard");
            assertThat(compiled(type.key()).validate(listed.get("sample"))).as(type.key() + "'s sample").isEmpty();
            assertThat(listed.get("schema").isObject()).as(type.key()).isTrue();
        }
        assertThat(OperationalTypes.all()).extracting(EventType::key).containsExactlyInAnyOrder("webhook_disabled",
                "delivery_failed", "webhook_failing", "plugin_failed", "plugin_updated", "inbound_refused_burst");
        Http.Response forged = host.http().postJson("/api/v1/events", Http.json(Map.of("type", "webhook_disabled",
                "data", find(types, "webhook_disabled").get("sample"))));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("error").asText()).contains("only Plugboard itself emits it");
    }

    @Test
    void a410TurnsTheWebhookOffAndAnotherWebhookIsToldWithItsIdNameAndUrl() throws Exception {
        try (Receiver gone = new Receiver().respond(410, ""); Receiver alerts = new Receiver()) {
            String goneId = host.createWebhook("Gone endpoint", gone.url("/gone"), "ping", "webhook_disabled")
                    .get("id").asText();
            host.createWebhook("Alerts", alerts.url("/alerts"), "webhook_disabled");
            host.host().events().emit("ping", Map.of("n", 1));

            JsonNode told = awaitAbout(alerts, "webhook_disabled", goneId);
            assertThat(told.path("data").path("webhook").path("name").asText()).isEqualTo("Gone endpoint");
            assertThat(told.path("data").path("webhook").path("url").asText()).isEqualTo(gone.url("/gone"));
            assertThat(told.path("data").path("reason").asText()).isEqualTo("gone");
            assertThat(told.path("data").path("detail").asText()).contains("410");
            assertThat(host.http().get("/api/v1/webhooks/" + goneId).json().get("enabled").asBoolean()).isFalse();
            assertThat(gone.all()).as("the ping only").hasSize(1);
            assertThat(operationalDeliveriesTo(goneId)).isZero();
        }
    }

    @Test
    void anAdminTurningAWebhookOffIsAReasonToo() throws Exception {
        try (Receiver target = new Receiver(); Receiver alerts = new Receiver()) {
            String id = host.createWebhook("Switched off", target.url("/t"), "ping").get("id").asText();
            host.createWebhook("Admin alerts", alerts.url("/alerts"), "webhook_disabled");
            Http.Response off = host.http().patchJson("/api/v1/webhooks/" + id, "{\"enabled\": false}");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            JsonNode told = awaitAbout(alerts, "webhook_disabled", id);
            assertThat(told.path("data").path("reason").asText()).isEqualTo("admin");
        }
    }

    @Test
    void aFailingStreakIsToldOncePerStreakAndRetriesRunningOutAsDeliveryFailedButNeverToTheFailingWebhook()
            throws Exception {
        try (Receiver failing = new Receiver().respond(500, "down"); Receiver alerts = new Receiver()) {
            String failingId = host.createWebhook("Flaky", failing.url("/f"), "ping", "webhook_failing",
                    "delivery_failed").get("id").asText();
            host.createWebhook("Pager", alerts.url("/pager"), "webhook_failing", "delivery_failed");

            // Four attempts (the FAST schedule retries three times) cross the streak of 3 once.
            String first = host.host().events().emit("ping", Map.of("n", 1));
            JsonNode exhausted = awaitAbout(alerts, "delivery_failed", failingId);
            assertThat(exhausted.path("data").path("delivery").path("event_id").asText()).isEqualTo(first);
            assertThat(exhausted.path("data").path("delivery").path("attempts").asInt()).isEqualTo(4);
            assertThat(exhausted.path("data").path("delivery").path("last_status").asInt()).isEqualTo(500);
            JsonNode streak = awaitAbout(alerts, "webhook_failing", failingId);
            assertThat(streak.path("data").path("consecutive_failures").asInt()).isEqualTo(3);
            assertThat(streak.path("data").path("last_status").asInt()).isEqualTo(500);

            // The streak goes on: four more failures, no second webhook_failing.
            host.host().events().emit("ping", Map.of("n", 2));
            Await.until("the second delivery failed for good", () -> countAbout(alerts, "delivery_failed", failingId) == 2);
            assertThat(eventsAbout("webhook_failing", failingId)).isEqualTo(1);

            // A success ends the streak; the next streak is told again.
            failing.respond(200, "ok");
            host.host().events().emit("ping", Map.of("n", 3));
            Await.until("the success is recorded", () -> consecutiveFailures(failingId) == 0);
            failing.respond(500, "down again");
            host.host().events().emit("ping", Map.of("n", 4));
            Await.until("the new streak is told", () -> countAbout(alerts, "webhook_failing", failingId) == 2);

            assertThat(operationalDeliveriesTo(failingId)).as("nothing about Flaky is delivered to Flaky").isZero();
            assertThat(failing.all()).noneSatisfy(r -> assertThat(envelope(r).path("data").path("webhook").path("id")
                    .asText()).isEqualTo(failingId));
        }
    }

    @Test
    void aBrokenPluginJarIsPluginFailedAndANewVersionIsPluginUpdated() throws Exception {
        try (Receiver alerts = new Receiver()) {
            host.createWebhook("Plugin alerts", alerts.url("/plugins"), "plugin_failed", "plugin_updated");
            brokenPlugin("ops-broken").writeTo(host.pluginsDir());
            JsonNode failed = await(alerts, "plugin_failed", e -> "ops-broken".equals(e.path("data").path("plugin")
                    .path("id").asText()));
            assertThat(failed.path("data").path("plugin").path("version").asText()).isEqualTo("1.0.0");
            assertThat(failed.path("data").path("reason").asText()).contains("the ERP is on fire");

            PluginJar.plugin("ops-updated").writeTo(host.pluginsDir());
            Await.until("version 1.0.0 runs", () -> host.http().get("/api/v1/plugins/ops-updated").body()
                    .contains("\"active\""));
            PluginJar.plugin("ops-updated").manifest("Plugin-Version", "1.1.0").writeTo(host.pluginsDir());
            JsonNode updated = await(alerts, "plugin_updated", e -> "ops-updated".equals(e.path("data").path("plugin")
                    .path("id").asText()));
            assertThat(updated.path("data").path("plugin").path("old_version").asText()).isEqualTo("1.0.0");
            assertThat(updated.path("data").path("plugin").path("new_version").asText()).isEqualTo("1.1.0");
        }
    }

    private static PluginJar brokenPlugin(String id) {
        String pkg = "test." + id.replace('-', '_');
        return PluginJar.plugin(id).manifest("Plugin-Class", pkg + ".Main").source(pkg + ".Main", """
                package %s;
                import io.plugboard.sdk.*;
                public class Main extends PlugboardPlugin {
                    public Main(PluginContext context) { super(context); }
                    @Override public void start() { throw new IllegalStateException("the ERP is on fire"); }
                }
                """.formatted(pkg));
    }

    private static JsonNode find(JsonNode types, String key) {
        for (JsonNode t : types.has("data") ? types.get("data") : types) {
            if (key.equals(t.path("key").asText())) {
                return t;
            }
        }
        return null;
    }

    static JsonNode envelope(Receiver.Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode awaitAbout(Receiver receiver, String type, String webhookId) {
        return await(receiver, type, e -> webhookId.equals(e.path("data").path("webhook").path("id").asText()));
    }

    /** @return the first delivered event of the type that {@code about} accepts, once its data is checked against the schema */
    static JsonNode await(Receiver receiver, String type, Predicate<JsonNode> about) {
        JsonNode event = Await.value("a " + type + " event arrives", WAIT, () -> receiver.all().stream()
                .map(TestOperationalEvents::envelope).filter(e -> type.equals(e.path("type").asText()) && about.test(e))
                .findFirst().orElse(null), e -> e != null);
        assertThat(compiled(type).validate(event.get("data"))).as("the data matches the schema of " + type).isEmpty();
        return event;
    }

    static RegisteredEventType compiled(String key) {
        EventType type = OperationalTypes.all().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
        return new EventTypeCompiler(JSON).compile(type, "plugboard");
    }

    private static long countAbout(Receiver receiver, String type, String webhookId) {
        return receiver.all().stream().map(TestOperationalEvents::envelope).filter(e -> type.equals(e.path("type").asText())
                && webhookId.equals(e.path("data").path("webhook").path("id").asText())).count();
    }

    private static long eventsAbout(String type, String webhookId) throws SQLException {
        return count("SELECT COUNT(*) FROM events WHERE type = ? AND source = 'plugboard' AND data LIKE ?", type,
                "%\"id\":\"" + webhookId + "\"%");
    }

    private static long operationalDeliveriesTo(String webhookId) throws SQLException {
        return count("SELECT COUNT(*) FROM deliveries d JOIN events e ON e.id = d.event_id "
                + "WHERE d.webhook_id = ? AND e.source = 'plugboard' AND e.data LIKE ?", webhookId,
                "%\"id\":\"" + webhookId + "\"%");
    }

    private static long consecutiveFailures(String webhookId) {
        try {
            return count("SELECT consecutive_failures FROM webhooks WHERE id = ?", webhookId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, String... params) throws SQLException {
        try (Connection c = host.connection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
