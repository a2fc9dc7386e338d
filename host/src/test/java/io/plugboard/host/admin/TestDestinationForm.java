package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.destinations.FolderDestinationPlugin;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PageField;
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
        Http.Response response1 = host.http().get("/admin/webhooks/new");
        assertThat(response1.status()).isEqualTo(200);
        HtmlPage step1 = HtmlPage.of(response1);
        assertThat(step1.element("fieldset legend").text()).isEqualTo("Where to");
        assertThat(step1.field("HTTP endpoint").type()).isEqualTo("radio");
        assertThat(step1.field("Folder").description()).startsWith("Writes each message into a folder.");
        assertThat(step1.buttons()).contains("Next");
        assertThat(step1.labels()).doesNotContain("Endpoint URL");
        HtmlPage step2 = HtmlPage.of(host.http().get("/admin/webhooks/new?destination=folder"));
        assertThat(step2.text()).contains("Settings of Folder");
        // The field names are what the server reads back: the form's contract, not only its looks.
        assertThat(step2.field("folder").name()).isEqualTo("destination.settings.folder");
        assertThat(step2.field("name").name()).isEqualTo("destination.settings.name");
        PageField key = step2.field("key");
        assertThat(key.name()).isEqualTo("destination.settings.key");
        assertThat(key.type()).as("a secret is typed unseen").isEqualTo("password");
        assertThat(step2.link("Change where to")).isNotBlank();
        assertThat(step2.labels()).doesNotContain("Endpoint URL");
        assertThat(HtmlPage.of(host.http().get("/admin/webhooks/new?destination=http")).field("Endpoint URL").name())
                .isEqualTo("url");
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
        HtmlPage refusedPage = HtmlPage.of(refused);
        assertThat(refusedPage.alerts()).singleElement(STRING).contains("The webhook was not saved");
        PageField folderField = refusedPage.field("folder");
        assertThat(folderField.invalid()).isTrue();
        assertThat(folderField.description()).isEqualTo("folder: is required");
        assertThat(refusedPage.text()).contains("Settings of Folder");
        assertThat(refused.body()).as("nowhere in the page, not even in an attribute").doesNotContain(SECRET);
        Http.Response relative = host.http().postForm("/admin/webhooks", form("destination", "folder",
                "destination.settings.folder", "relative/path", "name", "To a folder", "events", "ping"));
        PageField typed = HtmlPage.of(relative).field("folder");
        assertThat(typed.value()).isEqualTo("relative/path");
        assertThat(typed.description()).isEqualTo("folder: must be an absolute path");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();
    }

    @Test
    void theEditPageNeverShowsTheSecretAndSavingTheMaskKeepsIt() {
        String id = createWithSecret();
        Http.Response edit = host.http().get("/admin/webhooks/" + id + "/edit");
        assertThat(edit.body()).as("nowhere in the page, not even in an attribute").doesNotContain(SECRET);
        HtmlPage editPage = HtmlPage.of(edit);
        assertThat(editPage.text()).contains("Folder", "Delivers to: ", "folder " + folder);
        assertThat(editPage.field("key").value()).as("the mask").isEqualTo("********");
        assertThat(editPage.link("Change where to")).isNotBlank();
        Http.Response saved = host.http().postForm("/admin/webhooks/" + id, form("destination", "folder",
                "destination.settings.folder", folder.toString(), "destination.settings.key", "********",
                "destination.settings.name", "edited-{{id}}", "name", "Renamed", "events", "ping", "enabled", "on"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        host.host().events().emit("ping", Map.of("n", 2));
        String message = Await.value("the message", this::messages, m -> !m.isEmpty()).get(0);
        assertThat(message).contains("key: " + SECRET);
        HtmlPage choose = HtmlPage.of(host.http().get("/admin/webhooks/" + id + "/edit?where=choose"));
        assertThat(choose.element("fieldset legend").text()).isEqualTo("Where to");
        assertThat(choose.field("HTTP endpoint").checked()).isFalse();
        assertThat(choose.field("Folder").checked()).as("the current destination").isTrue();
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
        assertThat(list).as("nowhere in the page, not even in an attribute").doesNotContain(SECRET);
        assertThat(HtmlPage.of(list).row("Webhooks", "To a folder").cell("Where to"))
                .contains("Folder", "folder " + folder).doesNotContain("destination unavailable");
        assertThat(host.http().postJson("/api/v1/plugins/folder-destination/deactivate", "").status()).isEqualTo(200);
        assertThat(HtmlPage.of(host.http().get("/admin/webhooks")).row("Webhooks", "To a folder").cell("Where to"))
                .contains("destination unavailable", "format unavailable", "deliveries wait");
        String edit = host.http().get("/admin/webhooks/" + id + "/edit").body();
        assertThat(edit).as("nowhere in the page, not even in an attribute").doesNotContain(SECRET);
        HtmlPage editPage = HtmlPage.of(edit);
        assertThat(editPage.text()).contains("destination unavailable");
        assertThat(editPage.field("Format").options()).as("the chosen format, kept and marked")
                .contains(new PageField.Option("prefixed (format unavailable)", "prefixed", true));
    }

    @Test
    void aPluginFormatWithSettingsIsChosenPreviewedAndSaved() {
        HtmlPage step2 = HtmlPage.of(host.http().get("/admin/webhooks/new?destination=http"));
        assertThat(step2.field("Format").optionTexts()).contains("Prefixed text");
        assertThat(step2.text()).contains("Settings of the format \u201cPrefixed text\u201d");
        PageField prefix = step2.field("prefix");
        assertThat(prefix.name()).as("what the server reads back").isEqualTo("format_settings.prefixed.prefix");
        assertThat(prefix.value()).as("its default").isEqualTo(">>");
        for (String type : List.of("ping", "order_placed")) {
            Http.Response preview = host.http().postForm("/admin/webhooks", form("destination", "http",
                    "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "events", "order_placed",
                    "format", "prefixed", "format_settings.prefixed.prefix", "##", "preview_event", type, "preview", "1"));
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            HtmlPage shown = HtmlPage.of(preview).within("#preview");
            assertThat(shown.heading(3)).isEqualTo("Preview: " + type + " as it would be sent (secrets masked)");
            assertThat(shown.element("#preview-body").text()).startsWith("## ");
            assertThat(shown.text()).contains("X-Format: prefixed");
        }
        Http.Response every = host.http().postForm("/admin/webhooks", form("destination", "http",
                "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "events", "order_placed",
                "format", "prefixed", "format_settings.prefixed.prefix", "##", "preview_event", "*", "preview", "1"));
        HtmlPage previews = HtmlPage.of(every).within("#preview-area");
        assertThat(previews.headings(3)).as("every subscribed type's sample, one after the other").contains(
                "Preview: ping as it would be sent (secrets masked)", "Preview: order_placed as it would be sent (secrets masked)");
        assertThat(previews.text()).contains("## Ping {", "## Order placed {");
        Http.Response bad = host.http().postForm("/admin/webhooks", form("destination", "http",
                "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "format", "prefixed",
                "format_settings.prefixed.prefix", "hey!"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(HtmlPage.of(bad).field("prefix").description()).contains("prefix: no ! please");
        Http.Response created = host.http().postForm("/admin/webhooks", form("destination", "http",
                "url", "https://example.com/in", "name", "Prefixed", "events", "ping", "format", "prefixed",
                "format_settings.prefixed.prefix", "##"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode saved = host.http().get("/api/v1/webhooks").json().get("data").get(0);
        assertThat(saved.get("format").asText()).isEqualTo("prefixed");
        assertThat(saved.get("format_settings").get("prefix").asText()).isEqualTo("##");
        HtmlPage edit = HtmlPage.of(host.http().get("/admin/webhooks/" + saved.get("id").asText() + "/edit"));
        assertThat(edit.field("Format").value()).isEqualTo("prefixed");
        assertThat(edit.field("prefix").value()).isEqualTo("##");
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
