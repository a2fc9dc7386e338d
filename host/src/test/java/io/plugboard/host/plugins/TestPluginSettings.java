package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.HtmlPage;
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
        String plugins = http.get("/admin/plugins").body();
        assertThat(HtmlPage.of(plugins).within("table").link("Settings")).isEqualTo("/admin/plugins/observer/settings");
        assertThat(plugins).doesNotContain("/admin/plugins/zeta/settings");
        Http.Response page = http.get(PAGE);
        assertThat(page.status()).isEqualTo(200);
        HtmlPage form = HtmlPage.of(page);
        assertThat(form.field("Tag").value()).isEqualTo("observed");
        assertThat(form.text()).contains("Added to outgoing orders.");
        assertThat(form.field("API key").type()).isEqualTo("password");
        assertThat(form.field("Limit").type()).isEqualTo("number");
        assertThat(form.field("Callback URL").type()).isEqualTo("url");
        assertThat(form.field("Notes").type()).isEqualTo("textarea");
        assertThat(form.field("Mode").optionTexts()).contains("fast", "safe");
        assertThat(form.field("Mode").value()).isEqualTo("safe");
        assertThat(form.field("Verbose").type()).isEqualTo("checkbox");
        Map<String, JsonNode> v = values();
        assertThat(v.get("limit").get("value").asText()).isEqualTo("10");
        assertThat(v.get("api_key").get("is_set").asBoolean()).isFalse();
    }

    /** What the admin sees on each row: the plugin with settings links to them, the one without has no link at all. */
    @Test
    @Order(1)
    void onlyThePluginWithSettingsHasASettingsLink() {
        String page = http.get("/admin/plugins").body();
        assertThat(HtmlPage.of(page).within("tr[data-plugin=observer]").link("Settings")).isEqualTo("/admin/plugins/observer/settings");
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
    @Order(1)
    void sectionsAreHeadingsWithHelpOnThePageAndGroupsInTheApi() {
        String page = http.get(PAGE).body();
        HtmlPage form = HtmlPage.of(page);
        assertThat(form.all("fieldset > legend > h2").eachText()).as("each section a group named by its heading")
                .containsExactly("Connection", "Tuning");
        assertThat(form.text()).contains("Where the observer reports.");
        assertThat(page.indexOf("id=\"s-mode\"")).as("unsectioned settings first").isLessThan(page.indexOf("Connection</h2>"));
        assertThat(page.indexOf("id=\"s-callback\"")).as("callback under Connection")
                .isBetween(page.indexOf("Connection</h2>"), page.indexOf("Tuning</h2>"));
        JsonNode sections = http.get(API).json().get("sections");
        assertThat(sections).hasSize(3);
        assertThat(sections.get(0).get("heading").isNull()).isTrue();
        assertThat(sections.get(0).get("keys")).extracting(JsonNode::asText).containsExactly("tag", "mode", "notes");
        assertThat(sections.get(1).get("heading").asText()).isEqualTo("Connection");
        assertThat(sections.get(1).get("help").asText()).isEqualTo("Where the observer reports.");
        assertThat(sections.get(1).get("keys")).extracting(JsonNode::asText).containsExactly("api_key", "callback");
        assertThat(sections.get(2).get("keys")).extracting(JsonNode::asText).containsExactly("limit", "verbose");
    }

    /** The typed getters: defaults, optionals, and a message naming the key and its type for a wrong read. */
    @Test
    @Order(1)
    void typedReadsGiveDefaultsAndNameTheKeyAndTypeWhenWrong() {
        List<String> reads = reads();
        assertThat(reads).contains("tag=observed", "limit=10/10/10", "verbose=false", "mode=safe", "callback=none",
                "api_key=none", "notes=none",
                "string:limit! setting 'limit' is INTEGER, not what string() reads: read it with integer() or "
                        + "optionalInteger() or longValue() or optionalLong()",
                "string:api_key! setting 'api_key' is a secret STRING, not what string() reads: read it with secret() or optionalSecret()",
                "secret:tag! setting 'tag' is STRING, not what secret() reads: read it with string() or optionalString()",
                "secret:api_key! setting 'api_key' (a secret STRING) has no value: nothing is stored and it has no default; "
                        + "read it with optionalSecret() if it may be missing");
        assertThat(reads).anyMatch(s -> s.startsWith("string:nope! setting 'nope' is not declared by plugin 'observer' "
                + "(declared: tag, api_key, limit"));
        assertThat(reads).anyMatch(s -> s.startsWith("url:callback! setting 'callback' (URL) has no value"));
    }

    private static List<String> reads() {
        List<String> out = new java.util.ArrayList<>();
        http.get("/api/v1/plugins/observer/reads").json().forEach(n -> out.add(n.asText()));
        return out;
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
        assertThat(reads()).contains("tag=blue", "limit=20/20/20", "verbose=true", "mode=fast",
                "callback=https://example.com/cb", "api_key=set", "notes=line 1|line 2", "secret:api_key=set",
                "url:callback=https://example.com/cb");

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
