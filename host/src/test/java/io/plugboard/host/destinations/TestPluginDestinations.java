package io.plugboard.host.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A destination and a format from a real plugin jar, through the whole host: listed by the API, chosen
 * by a webhook, delivered with the standard headers, retried on the schedule until fixed, given up,
 * gone (webhook disabled), waiting while the plugin is inactive, secrets sealed at rest and masked.
 */
class TestPluginDestinations {

    private Path plugins;
    private Path folder;
    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        plugins = TestHost.tempDir("plugins");
        folder = TestHost.tempDir("messages");
        FolderDestinationPlugin.jar().writeTo(plugins);
        host = TestHost.start(plugins, TestHost.tempDir("data"), b -> b.delivery(TestHost.FAST));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void listsDestinationsAndFormatsWithTheirPluginAndSettings() {
        JsonNode destinations = host.http().get("/api/v1/destinations").json().get("data");
        assertThat(destinations.get(0).get("id").asText()).isEqualTo("http");
        JsonNode folderDest = destinations.get(1);
        assertThat(folderDest.get("id").asText()).isEqualTo("folder");
        assertThat(folderDest.get("plugin").asText()).isEqualTo("folder-destination");
        assertThat(folderDest.get("settings").get(0).get("key").asText()).isEqualTo("folder");
        assertThat(folderDest.get("settings").get(0).get("required").asBoolean()).isTrue();
        assertThat(folderDest.get("settings").get(2).get("secret").asBoolean()).isTrue();
        JsonNode formats = host.http().get("/api/v1/formats").json().get("data");
        assertThat(formats.findValuesAsText("id")).containsExactly("standard", "cloudevents", "template", "prefixed");
        assertThat(formats.get(3).get("plugin").asText()).isEqualTo("folder-destination");
        assertThat(formats.get(0).get("plugin").asText()).isEqualTo("plugboard");
    }

    @Test
    void deliversThroughThePluginWithSignatureHeadersAndSecretsSealedAndMasked() throws Exception {
        JsonNode created = create(Map.of("folder", folder.toString(), "key", "k3y-s3cret"), null);
        assertThat(created.get("url").isNull()).isTrue();
        assertThat(created.get("destination").get("type").asText()).isEqualTo("folder");
        assertThat(created.get("destination").get("settings").get("key").asText()).isEqualTo("********");
        assertThat(created.get("destination").get("target").asText()).isEqualTo("folder: folder " + folder);
        host.host().events().emit("ping", Map.of("order_id", "ord_7"));
        String message = Await.value("the message", () -> messages(), m -> !m.isEmpty()).get(0);
        assertThat(message).contains("webhook-id: evt_", "webhook-timestamp: ", "webhook-signature: v1,",
                "content-type: application/json", "key: k3y-s3cret", "attempt: 1", "\"order_id\":\"ord_7\"");
        JsonNode delivery = Await.value("succeeded", () -> deliveries(created), d -> d.size() == 1
                && d.get(0).get("status").asText().equals("succeeded")).get(0);
        JsonNode attempt = host.http().get("/api/v1/deliveries/" + delivery.get("id").asText()).json()
                .get("attempts").get(0);
        assertThat(attempt.get("response_body").asText()).startsWith("written to ping-evt_");
        try (Connection c = host.connection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT destination_settings FROM webhooks")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContain("k3y-s3cret").doesNotContain(folder.toString());
        }
    }

    @Test
    void aRefusalIsRetriedOnTheScheduleUntilTheDestinationAcceptsIt() throws Exception {
        Files.createFile(folder.resolve("refuse"));
        JsonNode created = create(Map.of("folder", folder.toString()), null);
        host.host().events().emit("ping", Map.of("order_id", "ord_8"));
        Await.until("two refused attempts", () -> failedAttempts(created) >= 2);
        Files.delete(folder.resolve("refuse"));
        JsonNode d = Await.value("delivered after the fix", () -> deliveries(created),
                list -> list.get(0).get("status").asText().equals("succeeded")).get(0);
        JsonNode attempts = host.http().get("/api/v1/deliveries/" + d.get("id").asText()).json().get("attempts");
        assertThat(attempts.get(0).get("error").asText()).isEqualTo("refused by the folder");
        assertThat(messages()).hasSize(1).allMatch(m -> m.contains("attempt: " + attempts.size()));
    }

    @Test
    void giveUpFailsTheDeliveryAndGoneDisablesTheWebhook() throws Exception {
        Files.createFile(folder.resolve("reject"));
        JsonNode created = create(Map.of("folder", folder.toString()), null);
        host.host().events().emit("ping", Map.of("order_id", "ord_9"));
        JsonNode failed = Await.value("failed", () -> deliveries(created),
                list -> !list.isEmpty() && list.get(0).get("status").asText().equals("failed")).get(0);
        assertThat(failed.get("attempts").asInt()).as("no retries after give up").isEqualTo(1);
        Files.delete(folder.resolve("reject"));
        Files.createFile(folder.resolve("gone"));
        host.host().events().emit("ping", Map.of("order_id", "ord_10"));
        JsonNode webhook = Await.value("disabled", () -> host.http().get("/api/v1/webhooks/" + created.get("id").asText())
                .json(), w -> !w.get("enabled").asBoolean());
        assertThat(webhook.get("disabled_reason").asText()).isEqualTo("the destination is gone: the folder is retired");
    }

    @Test
    void deliveriesWaitWhileThePluginIsInactiveAndGoOutWhenItReturns() throws Exception {
        JsonNode created = create(Map.of("folder", folder.toString()), null);
        assertThat(host.http().postJson("/api/v1/plugins/folder-destination/deactivate", "").status()).isEqualTo(200);
        JsonNode shown = host.http().get("/api/v1/webhooks/" + created.get("id").asText()).json();
        assertThat(shown.get("destination").get("available").asBoolean()).isFalse();
        assertThat(shown.get("destination").get("settings").get("folder").asText()).as("all masked while unknown")
                .isEqualTo("********");
        host.host().events().emit("ping", Map.of("order_id", "ord_11"));
        JsonNode test = host.http().postJson("/api/v1/webhooks/" + created.get("id").asText() + "/test", "").json();
        assertThat(test.get("success").asBoolean()).isFalse();
        assertThat(test.get("error").asText()).contains("'folder' is not installed");
        assertThat(messages()).isEmpty();
        assertThat(deliveries(created).findValuesAsText("status")).contains("pending");
        assertThat(host.http().postJson("/api/v1/plugins/folder-destination/activate", "").status()).isEqualTo(200);
        Await.until("delivered once the plugin is back", () -> messages().size() == 1);
    }

    @Test
    void aPluginFormatRendersTheBodyWithItsSettings() throws Exception {
        JsonNode created = create(Map.of("folder", folder.toString()), Map.of("prefix", "##"));
        assertThat(created.get("format_settings").get("prefix").asText()).isEqualTo("##");
        host.host().events().emit("ping", Map.of("order_id", "ord_12"));
        String message = Await.value("the message", () -> messages(), m -> !m.isEmpty()).get(0);
        assertThat(message).contains("content-type: text/plain", "X-Format: prefixed")
                .endsWith("## Ping {\"order_id\":\"ord_12\"}");
        JsonNode preview = host.http().postJson("/api/v1/webhooks/preview", Http.json(Map.of("webhook_id",
                created.get("id").asText(), "event", "ping", "format_settings", Map.of("prefix", "%%")))).json();
        assertThat(preview.get("request").get("method").asText()).isEqualTo("SEND");
        assertThat(preview.get("request").get("url").asText()).isEqualTo("folder: folder " + folder);
        assertThat(preview.get("request").get("body").asText()).startsWith("%% Ping {");
        host.host().events().emit("ping", Map.of("order_id", "explode"));
        Await.until("the render failure recorded", () -> host.http().get("/api/v1/webhooks/" + created.get("id").asText())
                .json().get("last_error").asText().contains("cannot render explode"));
    }

    @Test
    void badDestinationsAndFormatSettingsAreRefusedNamingTheField() {
        Http.Response missing = post(Map.of("name", "x", "events", List.of("ping"),
                "destination", Map.of("type", "folder", "settings", Map.of())));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("details").get("destination.settings.folder").asText()).isEqualTo("is required");
        Http.Response relative = post(Map.of("name", "x", "events", List.of("ping"),
                "destination", Map.of("type", "folder", "settings", Map.of("folder", "relative/path"))));
        assertThat(relative.json().get("details").get("destination.settings.folder").asText()).isEqualTo("must be an absolute path");
        Http.Response unknown = post(Map.of("name", "x", "events", List.of("ping"),
                "destination", Map.of("type", "kafka")));
        assertThat(unknown.json().get("details").get("destination").asText()).contains("no destination 'kafka'");
        Http.Response withUrl = post(Map.of("name", "x", "url", "https://example.com/", "events", List.of("ping"),
                "destination", Map.of("type", "folder", "settings", Map.of("folder", folder.toString()))));
        assertThat(withUrl.json().get("details").get("url").asText()).contains("only for HTTP webhooks");
        Http.Response badFormat = post(Map.of("name", "x", "events", List.of("ping"), "format", "prefixed",
                "format_settings", Map.of("prefix", "hey!"),
                "destination", Map.of("type", "folder", "settings", Map.of("folder", folder.toString()))));
        assertThat(badFormat.json().get("details").get("format_settings.prefix").asText()).isEqualTo("no ! please");
        Http.Response nested = post(Map.of("name", "x", "events", List.of("ping"),
                "destination", Map.of("type", "folder", "settings", Map.of("folder", List.of("a")))));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).as("nothing stored").isZero();
    }

    @Test
    void changingSettingsKeepsAMaskedSecretAndMovingToHttpNeedsAUrl() throws Exception {
        JsonNode created = create(Map.of("folder", folder.toString(), "key", "k3y-s3cret"), null);
        String id = created.get("id").asText();
        Http.Response renamed = host.http().patchJson("/api/v1/webhooks/" + id, Http.json(Map.of("destination",
                Map.of("type", "folder", "settings", Map.of("folder", folder.toString(), "key", "********",
                        "name", "renamed-{{id}}")))));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        host.host().events().emit("ping", Map.of("order_id", "ord_13"));
        String message = Await.value("the message", () -> messages(), m -> !m.isEmpty()).get(0);
        assertThat(message).contains("key: k3y-s3cret");
        Http.Response toHttp = host.http().patchJson("/api/v1/webhooks/" + id, "{\"destination\":{\"type\":\"http\"}}");
        assertThat(toHttp.status()).isEqualTo(400);
        assertThat(toHttp.json().get("details").get("url").asText()).isEqualTo("url is required");
    }

    private JsonNode create(Map<String, String> settings, Map<String, String> formatSettings) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", "To a folder",
                "events", List.of("ping"), "destination", Map.of("type", "folder", "settings", settings)));
        if (formatSettings != null) {
            body.put("format", "prefixed");
            body.put("format_settings", formatSettings);
        }
        Http.Response r = post(body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Http.Response post(Map<String, Object> body) {
        return host.http().postJson("/api/v1/webhooks", Http.json(body));
    }

    private JsonNode deliveries(JsonNode webhook) {
        return host.http().get("/api/v1/webhooks/" + webhook.get("id").asText() + "/deliveries").json().get("data");
    }

    private int failedAttempts(JsonNode webhook) {
        return host.http().get("/api/v1/webhooks/" + webhook.get("id").asText()).json().get("deliveries_failed").asInt();
    }

    private List<String> messages() {
        return FolderDestinationPlugin.messages(folder);
    }
}
