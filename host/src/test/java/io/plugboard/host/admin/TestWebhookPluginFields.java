package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fields a plugin adds to the webhook form ({@code CoreHooks.WEBHOOK_FORM}): shown under the plugin's
 * fieldset, checked like plugin settings (the error at its field, nothing stored), saved with the webhook,
 * read back by the plugin through its context, masked in the API, refused for unknown plugins and keys,
 * and removed with the webhook (cascade) or when the plugin is uninstalled.
 */
class TestWebhookPluginFields {

    private static final String SECRET = "jira-t0ken-never-shown";

    private TestHost host;

    @BeforeEach
    void start() {
        Path plugins = TestHost.tempDir("plugins");
        jiraPlugin().writeTo(plugins);
        host = TestHost.start(plugins);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void theFieldsAreShownCheckedSavedAndReadByThePlugin() {
        String form = host.http().get("/admin/webhooks/new?destination=http").body();
        assertThat(form).contains("From plugins: jira", "Jira project", "name=\"plugin_fields.jira.jira_project\"",
                "name=\"plugin_fields.jira.api_key\"", "type=\"password\"");

        Http.Response refused = host.http().postForm("/admin/webhooks", form("url", "https://example.com/in",
                "name", "To Jira", "events", "ping", "plugin_fields.jira.jira_project", "",
                "plugin_fields.jira.api_key", SECRET));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Jira project: is required", "id=\"plugin_fields-jira-jira_project-error\"", "The webhook was not saved")
                .doesNotContain(SECRET);
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();

        Http.Response created = host.http().postForm("/admin/webhooks", form("url", "https://example.com/in",
                "name", "To Jira", "events", "ping", "enabled", "on", "plugin_fields.jira.jira_project", "OPS",
                "plugin_fields.jira.api_key", SECRET));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = host.http().get("/api/v1/webhooks").json().get("data").get(0).get("id").asText();

        JsonNode read = host.http().get("/api/v1/plugins/jira/value?webhook=" + id).json();
        assertThat(read.get("jira_project").asText()).isEqualTo("OPS");
        assertThat(read.get("api_key").asText()).isEqualTo(SECRET);
        JsonNode api = host.http().get("/api/v1/webhooks/" + id).json().get("plugin_fields").get("jira");
        assertThat(api.get("jira_project").asText()).isEqualTo("OPS");
        assertThat(api.get("api_key").asText()).isEqualTo("********");
        assertThat(stored(id, "api_key")).as("sealed at rest").isNotNull().doesNotContain(SECRET);
        assertThat(host.http().get("/admin/webhooks/" + id + "/edit").body())
                .contains("value=\"OPS\"", "value=\"********\"").doesNotContain(SECRET);

        Http.Response patched = host.http().patchJson("/api/v1/webhooks/" + id,
                "{\"plugin_fields\":{\"jira\":{\"jira_project\":\"DEV\",\"api_key\":\"********\"}}}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode after = host.http().get("/api/v1/plugins/jira/value?webhook=" + id).json();
        assertThat(after.get("jira_project").asText()).isEqualTo("DEV");
        assertThat(after.get("api_key").asText()).as("the mask keeps the secret").isEqualTo(SECRET);
    }

    @Test
    void theApiRefusesUnknownPluginsAndKeysAndMissingRequiredFields() {
        Http.Response unknownPlugin = host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":"
                + "\"https://example.com/in\",\"events\":[\"ping\"],\"plugin_fields\":{\"jira\":{\"jira_project\":\"A\"},"
                + "\"nope\":{\"a\":\"b\"}}}");
        assertThat(unknownPlugin.status()).isEqualTo(400);
        assertThat(unknownPlugin.body()).contains("plugin_fields.nope");
        Http.Response unknownKey = host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":"
                + "\"https://example.com/in\",\"events\":[\"ping\"],\"plugin_fields\":{\"jira\":{\"jira_project\":\"A\","
                + "\"colour\":\"red\"}}}");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.body()).contains("plugin_fields.jira.colour");
        Http.Response missing = host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":"
                + "\"https://example.com/in\",\"events\":[\"ping\"]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("plugin_fields.jira.jira_project");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();
    }

    @Test
    void theValuesGoWithTheWebhookAndWithThePlugin() {
        String kept = create("KEEP");
        String deleted = create("GONE");
        assertThat(host.http().delete("/api/v1/webhooks/" + deleted).status()).isEqualTo(204);
        assertThat(stored(deleted, "jira_project")).as("cascade").isNull();
        assertThat(stored(kept, "jira_project")).isEqualTo("KEEP");

        assertThat(host.http().postJson("/api/v1/plugins/jira/deactivate", "").status()).isEqualTo(200);
        assertThat(host.http().get("/admin/webhooks/" + kept + "/edit").body()).doesNotContain("plugin_fields.jira");
        assertThat(host.http().get("/api/v1/webhooks/" + kept).json().get("plugin_fields").has("jira")).isFalse();
        assertThat(stored(kept, "jira_project")).as("kept while the plugin is inactive").isEqualTo("KEEP");

        assertThat(host.http().delete("/api/v1/plugins/jira").status()).isIn(200, 204);
        assertThat(stored(kept, "jira_project")).as("uninstalled").isNull();
    }

    private String create(String project) {
        Http.Response r = host.http().postJson("/api/v1/webhooks", "{\"name\":\"" + project + "\",\"url\":"
                + "\"https://example.com/in\",\"events\":[\"ping\"],\"plugin_fields\":{\"jira\":{\"jira_project\":\""
                + project + "\",\"api_key\":\"" + SECRET + "\"}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String stored(String webhookId, String key) {
        try (Connection c = host.connection();
             PreparedStatement s = c.prepareStatement("SELECT value FROM webhook_plugin_fields "
                     + "WHERE webhook_id = ? AND plugin_id = 'jira' AND key = ?")) {
            s.setString(1, webhookId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PluginJar jiraPlugin() {
        return PluginJar.plugin("jira").manifest("Plugin-Class", "test.jira.Main")
                .source("test.jira.Main", """
                        package test.jira;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.hooks.*;
                        import io.plugboard.sdk.json.*;
                        import io.plugboard.sdk.settings.*;
                        import io.plugboard.sdk.web.*;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                context().hooks().addFilter(CoreHooks.WEBHOOK_FORM, form -> form.withField(
                                        Setting.builder("jira_project", SettingType.STRING).label("Jira project")
                                                .required().build(),
                                        Setting.builder("api_key", SettingType.STRING).label("API key").secret().build()));
                                context().routes().get("/value", r -> {
                                    SettingReader values = context().webhookValues(r.queryParam("webhook"));
                                    return JsonResponse.ok(JsonObject.builder()
                                            .put("jira_project", values.optionalString("jira_project").orElse(""))
                                            .put("api_key", values.optionalSecret("api_key").orElse("")).build());
                                });
                            }
                        }
                        """);
    }

    private static List<Map.Entry<String, String>> form(String... nameValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return fields;
    }
}
