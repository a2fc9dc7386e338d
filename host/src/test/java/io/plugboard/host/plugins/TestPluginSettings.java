package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The settings the {@link Observer} declares, through its settings page and the API: checked per field
 * (nothing stored on error), secrets never shown back, blank secrets kept, the plugin told of changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestPluginSettings {

    private static final String SECRET = "sk_live_0123456789abcdef";
    private static final String PAGE = "/admin/plugins/observer/settings";
    private static final String API = "/api/v1/plugins/observer/settings";

    private static TestHost host;
    private static Http http;

    @BeforeAll
    static void start() {
        Path dir = TestHost.tempDir("plugins");
        Observer.jar().writeTo(dir);
        Plugins.good("zeta", "zeta_event").writeTo(dir);
        host = TestHost.start(dir);
        http = host.http();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Map<String, JsonNode> values() {
        Map<String, JsonNode> byKey = new HashMap<>();
        http.get(API).json().get("settings").forEach(s -> byKey.put(s.get("key").asText(), s));
        return byKey;
    }

    @Test
    @Order(1)
    void pageShowsEveryFieldWithDefaults() {
        assertThat(http.get("/admin/plugins").body()).contains("<a href=\"/admin/plugins/observer/settings\">Settings</a>")
                .doesNotContain("/admin/plugins/zeta/settings");
        Http.Response page = http.get(PAGE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Tag", "Added to outgoing orders.", "value=\"observed\"", "type=\"password\"",
                "type=\"number\"", "type=\"url\"", "<textarea", "<option value=\"fast\">fast</option>",
                "<option value=\"safe\" selected>safe</option>", "type=\"checkbox\"");
        Map<String, JsonNode> v = values();
        assertThat(v.get("limit").get("value").asText()).isEqualTo("10");
        assertThat(v.get("api_key").get("is_set").asBoolean()).isFalse();
    }

    /** What the admin sees on each row: the plugin with settings links to them, the one without has no link at all. */
    @Test
    @Order(1)
    void onlyThePluginWithSettingsHasASettingsLink() {
        String page = http.get("/admin/plugins").body();
        assertThat(row(page, "observer")).contains("<a href=\"/admin/plugins/observer/settings\">Settings</a>");
        assertThat(row(page, "zeta")).doesNotContain(">Settings</a>").doesNotContain("href=\"{");
        String table = page.substring(page.indexOf("<table class=\"table plugins\">"), page.indexOf("</table>"));
        assertThat(table.split(">Settings</a>", -1)).as("one Settings link in the plugins table").hasSize(2);
    }

    private static String row(String page, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)<tr data-plugin=\"" + id + "\">.*?</tr>")
                .matcher(page);
        assertThat(m.find()).as("a row for " + id).isTrue();
        return m.group();
    }

    @Test
    @Order(2)
    void badFormInputIsRefusedFieldByFieldAndNothingIsStored() {
        Http.Response r = http.postForm(PAGE, List.of(Map.entry("tag", "blue"), Map.entry("api_key", ""),
                Map.entry("limit", "abc"), Map.entry("mode", "turbo"), Map.entry("callback", "ftp://example.com/x")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Nothing was saved", "API key: is required", "Limit: must be a whole number",
                "Mode: must be one of fast, safe", "Callback URL: must be an absolute http:// or https:// URL",
                "value=\"blue\"");
        assertThat(values().get("tag").get("value").asText()).isEqualTo("observed");
        assertThat(TestPluginContributions.seen(http)).noneMatch(s -> s.startsWith("settings_changed"));
    }

    @Test
    @Order(3)
    void validFormIsStoredAndTheSecretNeverShownBack() throws Exception {
        Http.Response r = http.postForm(PAGE, List.of(Map.entry("tag", "blue"), Map.entry("api_key", SECRET),
                Map.entry("limit", "20"), Map.entry("verbose", "true"), Map.entry("mode", "fast"),
                Map.entry("callback", "https://example.com/cb"), Map.entry("notes", "line 1\nline 2")));
        assertThat(r.status()).isEqualTo(303);
        Map<String, JsonNode> v = values();
        assertThat(v.get("tag").get("value").asText()).isEqualTo("blue");
        assertThat(v.get("limit").get("value").asText()).isEqualTo("20");
        assertThat(v.get("verbose").get("value").asText()).isEqualTo("true");
        assertThat(v.get("notes").get("value").asText()).isEqualTo("line 1\nline 2");
        assertThat(v.get("api_key").get("value").asText()).isEqualTo("********");
        assertThat(v.get("api_key").get("is_set").asBoolean()).isTrue();
        assertThat(http.get(API).body()).doesNotContain(SECRET);
        assertThat(http.get(PAGE).body()).doesNotContain(SECRET).contains("stored: leave blank to keep it");
        try (java.sql.Connection c = host.connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT setting_value FROM plugin_settings "
                     + "WHERE plugin_id = 'observer' AND setting_key = 'api_key'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("sealed at rest").doesNotContain(SECRET).startsWith("v1:");
        }
        TestPluginContributions.awaitSeen(http,
                "settings_changed:[api_key, callback, limit, mode, notes, tag, verbose]");

        // Blank keeps the secret; an unticked checkbox turns the boolean off.
        assertThat(http.postForm(PAGE, List.of(Map.entry("tag", "blue"), Map.entry("api_key", ""),
                Map.entry("limit", "20"), Map.entry("mode", "fast"))).status()).isEqualTo(303);
        v = values();
        assertThat(v.get("api_key").get("is_set").asBoolean()).isTrue();
        assertThat(v.get("verbose").get("value").asText()).isEqualTo("false");
    }

    @Test
    @Order(4)
    void apiValidatesMasksAndUpdatesOnlyWhatItIsGiven() {
        Http.Response tooBig = http.putJson(API, "{\"limit\": 1000, \"nope\": 1, \"verbose\": [1]}");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("verbose");
        Http.Response bad = http.putJson(API, "{\"limit\": 1000, \"nope\": 1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details").get("limit").asText()).isEqualTo("must be between 1 and 100");
        assertThat(bad.json().get("details").get("nope").asText()).contains("is not a setting");
        assertThat(http.putJson(API, "[1]").status()).isEqualTo(400);
        assertThat(http.putJson(API, "{").status()).isEqualTo(400);
        assertThat(values().get("limit").get("value").asText()).isEqualTo("20");

        Http.Response okay = http.putJson(API, "{\"limit\": 5, \"tag\": \"green\", \"api_key\": \"********\"}");
        assertThat(okay.status()).isEqualTo(200);
        assertThat(okay.json().get("changed")).extracting(JsonNode::asText).containsExactlyInAnyOrder("limit", "tag");
        assertThat(okay.body()).doesNotContain(SECRET);
        assertThat(values().get("api_key").get("is_set").asBoolean()).isTrue();

        assertThat(http.putJson(API, "{\"callback\": null}").status()).isEqualTo(200);
        assertThat(values().get("callback").get("is_set").asBoolean()).isFalse();
        assertThat(http.putJson(API, "{\"api_key\": null}").status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void pluginsWithoutSettingsAnswer404() {
        assertThat(http.get("/api/v1/plugins/zeta/settings").status()).isEqualTo(404);
        assertThat(http.get("/admin/plugins/zeta/settings").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/plugins/ghost/settings").status()).isEqualTo(404);
    }
}
