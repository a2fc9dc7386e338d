package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A receiver plugin compiled during the test, in two versions and then removed: upgrade modes AUTO and
 * MANUAL, the 503 while a receiver is missing or waits for the admin, and a handshake answer.
 */
class TestReceiverLifecycle {

    static PluginJar echo(String version) {
        return PluginJar.plugin("echo-receiver").manifest("Plugin-Version", version).source("test.echo.Echo", """
                package test.echo;
                import io.plugboard.sdk.inbound.*;
                import io.plugboard.sdk.settings.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Echo implements Receiver {
                    public String id() { return "echo"; }
                    public String name() { return "Echo"; }
                    public String description() { return "One ping per request; answers a challenge header."; }
                    public List<Setting> settings() {
                        return List.of(Setting.builder("token", SettingType.STRING).secret().build());
                    }
                    public ReceiveResult parse(InboundRequest request) {
                        var challenge = request.header("X-Challenge");
                        if (challenge.isPresent()) {
                            return ReceiveResult.handshake(200, "text/plain; charset=utf-8", "echo:" + challenge.get());
                        }
                        return ReceiveResult.events(List.of(ReceivedEvent.of("ping", "{\\"n\\":" + request.body().length + "}")));
                    }
                }
                """);
    }

    @Test
    void manualWaitsForTheAdminAutoFollowsAndAMissingReceiverAnswers503() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        echo("1.0.0").writeTo(plugins);
        String manualPath;
        String autoPath;
        String manualId;
        String autoId;
        try (TestHost host = TestHost.start(plugins, data)) {
            JsonNode manual = create(host, "Manual", "MANUAL");
            JsonNode auto = create(host, "Auto", "AUTO");
            manualId = manual.get("id").asText();
            autoId = auto.get("id").asText();
            manualPath = path(manual);
            autoPath = path(auto);
            assertThat(manual.get("plugin_version").asText()).isEqualTo("1.0.0");
            Http.Response handshake = Inbound.post(host.host().baseUrl() + manualPath, "", Map.of("X-Challenge", "abc<1>"));
            assertThat(handshake.status()).isEqualTo(200);
            assertThat(handshake.body()).isEqualTo("echo:abc<1>");
            assertThat(handshake.header("Content-Type")).startsWith("text/plain");
            assertThat(Inbound.stats(host, manualId).get("accepted").asInt()).isEqualTo(1);
            assertThat(host.http().get("/api/v1/received-events").json().get("total").asInt()).isZero();
        }

        Files.delete(plugins.resolve("echo-receiver.jar"));
        echo("2.0.0").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins, data)) {
            JsonNode manual = host.http().get("/api/v1/inbound-webhooks/" + manualId).json();
            assertThat(manual.get("plugin_version").asText()).isEqualTo("1.0.0");
            assertThat(manual.get("installed_version").asText()).isEqualTo("2.0.0");
            assertThat(manual.get("upgrade_available").asBoolean()).isTrue();
            assertThat(manual.get("settings").get("token").asText()).isEqualTo("********");
            Http.Response waiting = Inbound.post(host.host().baseUrl() + manualPath, "{}", Map.of());
            assertThat(waiting.status()).isEqualTo(503);
            assertThat(waiting.header("Retry-After")).isEqualTo("60");
            assertThat(waiting.json().get("error").asText()).contains("until an admin upgrades");
            assertThat(host.http().get("/admin/inbound/" + manualId).body()).contains("Upgrade to 2.0.0");

            JsonNode auto = host.http().get("/api/v1/inbound-webhooks/" + autoId).json();
            assertThat(auto.get("plugin_version").asText()).as("AUTO followed the plugin").isEqualTo("2.0.0");
            assertThat(Inbound.post(host.host().baseUrl() + autoPath, "{}", Map.of()).status()).isEqualTo(202);

            assertThat(host.http().postJson("/api/v1/inbound-webhooks/" + manualId + "/upgrade", "").json()
                    .get("plugin_version").asText()).isEqualTo("2.0.0");
            assertThat(Inbound.post(host.host().baseUrl() + manualPath, "{}", Map.of()).status()).isEqualTo(202);
            JsonNode errors = host.http().get("/api/v1/inbound-webhooks/" + manualId + "/errors").json().get("data");
            assertThat(errors.get(0).get("kind").asText()).isEqualTo("unavailable");
        }

        Files.delete(plugins.resolve("echo-receiver.jar"));
        try (TestHost host = TestHost.start(plugins, data)) {
            assertThat(host.http().get("/api/v1/receivers").json().get("total").asInt()).isZero();
            JsonNode auto = host.http().get("/api/v1/inbound-webhooks/" + autoId).json();
            assertThat(auto.get("installed_version").isNull()).isTrue();
            assertThat(auto.get("settings").get("token").asText()).as("masked while unknown").isEqualTo("********");
            Http.Response missing = Inbound.post(host.host().baseUrl() + autoPath, "{}", Map.of());
            assertThat(missing.status()).isEqualTo(503);
            assertThat(host.http().postJson("/api/v1/inbound-webhooks/" + autoId + "/verify", "").json()
                    .get("problems").has("receiver")).isTrue();
            Http.Response change = host.http().patchJson("/api/v1/inbound-webhooks/" + autoId, "{\"settings\":{\"token\":\"x\"}}");
            assertThat(change.status()).isEqualTo(400);
            assertThat(host.http().patchJson("/api/v1/inbound-webhooks/" + autoId, "{\"name\":\"Renamed\"}").status())
                    .as("renaming needs no receiver").isEqualTo(200);
        }
    }

    private static JsonNode create(TestHost host, String name, String mode) {
        Http.Response r = host.http().postJson("/api/v1/inbound-webhooks", Http.json(Map.of("name", name,
                "receiver", "echo", "upgrade_mode", mode, "settings", Map.of("token", "t0ps3cret"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String path(JsonNode created) {
        String url = created.get("url").asText();
        return url.substring(url.indexOf("/hooks/in/"));
    }
}
