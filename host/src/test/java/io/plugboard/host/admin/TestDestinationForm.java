package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.destinations.FolderDestinationPlugin;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook form with a plugin's destination and format, without JavaScript: "Where to" in two steps,
 * fields generated from the declared settings, errors at their field, secrets never in the page (the
 * mask keeps them), the list's "unavailable" badges, and the preview with a plugin format.
 */
class TestDestinationForm {

    private static final String SECRET = "k3y-s3cret-never-shown";

    private Path folder;
    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        Path plugins = TestHost.tempDir("plugins");
        folder = TestHost.tempDir("messages");
        folderPlugin().writeTo(plugins);
        host = TestHost.start(plugins, TestHost.tempDir("data"), b -> b.delivery(TestHost.FAST));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void stepOneOffersHttpAndTheDestinationThenStepTwoShowsItsFields() {
        Http.Response step1 = host.http().get("/admin/webhooks/new");
        assertThat(step1.status()).isEqualTo(200);
        assertThat(step1.body()).contains("Where to", "HTTP endpoint", "Folder", "Writes each message into a folder.",
                "Next").doesNotContain("name=\"url\"");
        Http.Response step2 = host.http().get("/admin/webhooks/new?destination=folder");
        assertThat(step2.body()).contains("Settings of Folder", "name=\"destination.settings.folder\"",
                "name=\"destination.settings.name\"", "name=\"destination.settings.key\"", "Change where to")
                .contains("type=\"password\"").doesNotContain("name=\"url\"");
        assertThat(host.http().get("/admin/webhooks/new?destination=http").body()).contains("name=\"url\"", "Endpoint URL");
        Http.Response unknown = host.http().get("/admin/webhooks/new?destination=kafka");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("No destination \u2018kafka\u2019 is installed");
    }

    @Test
    void createsAWebhookWithTheDestinationsSettings() {
        Http.Response created = host.http().postForm("/admin/webhooks", form("destination", "folder",
                "destination.settings.folder", folder.toString(), "destination.settings.key", SECRET,
                "name", "To a folder", "events", "ping", "enabled", "on"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode saved = host.http().get("/api/v1/webhooks").json().get("data").get(0);
        assertThat(saved.get("destination").get("type").asText()).isEqualTo("folder");
        assertThat(saved.get("destination").get("settings").get("folder").asText()).isEqualTo(folder.toString());
        assertThat(saved.get("destination").get("settings").get("key").asText()).isEqualTo("********");
        assertThat(saved.get("url").isNull()).isTrue();
    }

    @Test
    void aMissingRequiredSettingIsShownAtItsFieldAndNothingIsStored() {
        Http.Response refused = host.http().postForm("/admin/webhooks", form("destination", "folder",
                "destination.settings.folder", "", "destination.settings.key", SECRET, "name", "To a folder",
                "events", "ping"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The webhook was not saved", "folder: is required", "id=\"ds-folder-error\"")
                .contains("Settings of Folder").doesNotContain(SECRET);
        Http.Response relative = host.http().postForm("/admin/webhooks", form("destination", "folder",
                "destination.settings.folder", "relative/path", "name", "To a folder", "events", "ping"));
        assertThat(relative.body()).contains("folder: must be an absolute path", "value=\"relative/path\"");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();
    }

    @Test
    void theEditPageNeverShowsTheSecretAndSavingTheMaskKeepsIt() {
        String id = createWithSecret();
        Http.Response edit = host.http().get("/admin/webhooks/" + id + "/edit");
        assertThat(edit.body()).doesNotContain(SECRET).contains("Folder", "Delivers to:", "folder " + folder,
                "value=\"********\"", "Change where to");
        Http.Response saved = host.http().postForm("/admin/webhooks/" + id, form("destination", "folder",
                "destination.settings.folder", folder.toString(), "destination.settings.key", "********",
                "destination.settings.name", "edited-{{id}}", "name", "Renamed", "events", "ping", "enabled", "on"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        host.host().events().emit("ping", Map.of("n", 2));
        String message = Await.value("the message", this::messages, m -> !m.isEmpty()).get(0);
        assertThat(message).contains("key: " + SECRET);
        assertThat(host.http().get("/admin/webhooks/" + id + "/edit?where=choose").body())
                .contains("Where to", "HTTP endpoint", "checked");
    }

    @Test
    void theListShowsTheDestinationAndABadgeWhileItsPluginIsInactive() {
        Http.Response created = host.http().postForm("/admin/webhooks", form("destination", "folder",
                "destination.settings.folder", folder.toString(), "destination.settings.key", SECRET,
                "name", "To a folder", "events", "ping", "enabled", "on", "format", "prefixed",
                "format_settings.prefixed.prefix", "##"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = host.http().get("/api/v1/webhooks").json().get("data").get(0).get("id").asText();
        String list = host.http().get("/admin/webhooks").body();
        assertThat(list).contains("Folder", "folder " + folder).doesNotContain("destination unavailable")
                .doesNotContain(SECRET);
        assertThat(host.http().postJson("/api/v1/plugins/folder-destination/deactivate", "").status()).isEqualTo(200);
        String after = host.http().get("/admin/webhooks").body();
        assertThat(after).contains("destination unavailable", "format unavailable", "deliveries wait");
        assertThat(host.http().get("/admin/webhooks/" + id + "/edit").body())
                .contains("destination unavailable", "<option value=\"prefixed\" selected>prefixed (format unavailable)")
                .doesNotContain(SECRET);
    }

    @Test
    void aPluginFormatWithSettingsIsChosenPreviewedAndSaved() {
        String step2 = host.http().get("/admin/webhooks/new?destination=http").body();
        assertThat(step2).contains("Prefixed text", "Settings of the format \u201cPrefixed text\u201d",
                "name=\"format_settings.prefixed.prefix\"", "value=\"&gt;&gt;\"");
        for (String type : List.of("ping", "order_placed")) {
            Http.Response preview = host.http().postForm("/admin/webhooks", form("destination", "http",
                    "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "events", "order_placed",
                    "format", "prefixed", "format_settings.prefixed.prefix", "##", "preview_event", type, "preview", "1"));
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.body()).contains("Preview: <code>" + type + "</code>", "## ", "X-Format: prefixed");
        }
        Http.Response every = host.http().postForm("/admin/webhooks", form("destination", "http",
                "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "events", "order_placed",
                "format", "prefixed", "format_settings.prefixed.prefix", "##", "preview_event", "*", "preview", "1"));
        assertThat(every.body()).as("every subscribed type's sample, one after the other")
                .contains("Preview: <code>ping</code>", "## Ping {", "Preview: <code>order_placed</code>", "## Order placed {");
        Http.Response bad = host.http().postForm("/admin/webhooks", form("destination", "http",
                "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "format", "prefixed",
                "format_settings.prefixed.prefix", "hey!"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("prefix: no ! please");
        Http.Response created = host.http().postForm("/admin/webhooks", form("destination", "http",
                "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "format", "prefixed",
                "format_settings.prefixed.prefix", "##"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode saved = host.http().get("/api/v1/webhooks").json().get("data").get(0);
        assertThat(saved.get("format").asText()).isEqualTo("prefixed");
        assertThat(saved.get("format_settings").get("prefix").asText()).isEqualTo("##");
        HtmlPage edit = HtmlPage.of(host.http().get("/admin/webhooks/" + saved.get("id").asText() + "/edit"));
        assertThat(edit.field("Format").value()).isEqualTo("prefixed");
        assertThat(edit.element("input[name=\"format_settings.prefixed.prefix\"]").val()).isEqualTo("##");
    }

    private String createWithSecret() {
        Http.Response created = host.http().postForm("/admin/webhooks", form("destination", "folder",
                "destination.settings.folder", folder.toString(), "destination.settings.key", SECRET,
                "name", "To a folder", "events", "ping", "enabled", "on"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return host.http().get("/api/v1/webhooks").json().get("data").get(0).get("id").asText();
    }

    private static PluginJar folderPlugin() {
        return FolderDestinationPlugin.jar();
    }

    private static List<Map.Entry<String, String>> form(String... nameValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return fields;
    }

    private List<String> messages() {
        return FolderDestinationPlugin.messages(folder);
    }
}
