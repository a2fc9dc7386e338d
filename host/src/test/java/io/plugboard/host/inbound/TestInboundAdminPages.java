package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inbound admin pages, through a logged-in session: create, see the URL once, change, toggle, delete; hostile names escaped. */
class TestInboundAdminPages {

    static final String HOSTILE = "<script>alert(1)</script>\"'&";

    static TestHost host;
    static Http http;

    @BeforeAll
    static void start() {
        host = TestHost.start(Inbound.pluginsWith("generic-json-receiver"));
        http = host.http();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void createShowsTheUrlOnceWithACopyButtonAndTheListEscapesNames() {
        Http.Response form = http.get("/admin/inbound/new?receiver=generic-json");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"s_event_type\"").contains("name=\"s_mappings\"");
        assertThat(form.header("Content-Security-Policy")).contains("default-src 'self'");

        Http.Response created = http.postForm("/admin/inbound", List.of(Map.entry("receiver", "generic-json"),
                Map.entry("name", HOSTILE), Map.entry("s_event_type", "json_received")));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Matcher url = Pattern.compile("<code id=\"inbound-url\"[^>]*>(http://[^<]+/hooks/in/(inb_[0-9A-Z]+)/([A-Za-z0-9_-]{43}))</code>")
                .matcher(created.body());
        assertThat(url.find()).as(created.body()).isTrue();
        assertThat(created.body()).contains("data-copy-target=\"inbound-url\"").doesNotContain("<script>alert(1)");
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        String id = url.group(2);
        assertThat(Inbound.post(url.group(1), "{\"a\":1}", Map.of()).status()).isEqualTo(202);

        Http.Response detail = http.get("/admin/inbound/" + id);
        assertThat(detail.body()).doesNotContain(url.group(3)).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        Http.Response list = http.get("/admin/inbound?q=script");
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains(">Inbound</a>");
        Http.Response events = http.get("/admin/received-events?inbound=" + id);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).contains("json_received").contains("&lt;script&gt;");
    }

    @Test
    void badFormsAnswer400AndChangesTogglesAndDeletionWork() {
        Http.Response noName = http.postForm("/admin/inbound", List.of(Map.entry("receiver", "generic-json"),
                Map.entry("name", ""), Map.entry("s_mappings", "{\"a\": 1}")));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body()).contains("name is required").contains("pointer for a");

        JsonNode w = Inbound.create(host, "Admin made", "generic-json", Map.of());
        String id = w.get("id").asText();
        Http.Response badSettings = http.postForm("/admin/inbound/" + id + "/settings",
                List.of(Map.entry("s_event_type", "json_received"), Map.entry("s_id_pointer", "id")));
        assertThat(badSettings.status()).isEqualTo(400);
        assertThat(badSettings.body()).contains("JSON Pointer starting with /");
        assertThat(http.postForm("/admin/inbound/" + id + "/settings", List.of(Map.entry("s_event_type", "json_received"),
                Map.entry("s_id_pointer", "/id"))).status()).isEqualTo(303);
        assertThat(http.get("/api/v1/inbound-webhooks/" + id).json().get("settings").get("id_pointer").asText()).isEqualTo("/id");

        assertThat(http.postForm("/admin/inbound/" + id, List.of(Map.entry("name", "Renamed"),
                Map.entry("upgrade_mode", "MANUAL"))).status()).isEqualTo(303);
        assertThat(http.postForm("/admin/inbound/" + id + "/toggle", List.of()).status()).isEqualTo(303);
        JsonNode changed = http.get("/api/v1/inbound-webhooks/" + id).json();
        assertThat(changed.get("name").asText()).isEqualTo("Renamed");
        assertThat(changed.get("upgrade_mode").asText()).isEqualTo("MANUAL");
        assertThat(changed.get("state").asText()).isEqualTo("DISABLED");
        assertThat(http.postForm("/admin/inbound/" + id + "/verify", List.of()).status()).isEqualTo(303);
        Http.Response rotated = http.postForm("/admin/inbound/" + id + "/rotate-key", List.of());
        assertThat(rotated.body()).contains("New access key").contains("/hooks/in/" + id + "/");

        Http.Response wrongName = http.postForm("/admin/inbound/" + id + "/delete", List.of(Map.entry("confirm_name", "renamed")));
        assertThat(wrongName.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/inbound-webhooks/" + id).status()).isEqualTo(200);
        assertThat(http.postForm("/admin/inbound/" + id + "/delete", List.of(Map.entry("confirm_name", "Renamed"))).status())
                .isEqualTo(303);
        assertThat(http.get("/api/v1/inbound-webhooks/" + id).status()).isEqualTo(404);
        assertThat(http.get("/admin/inbound/" + id).status()).isEqualTo(404);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        JsonNode w = Inbound.create(host, "Guarded", "generic-json", Map.of());
        Http.Response r = http.postForm("/admin/inbound/" + w.get("id").asText() + "/toggle", List.of(Map.entry("_csrf", "forged")));
        assertThat(r.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/inbound-webhooks/" + w.get("id").asText()).json().get("state").asText()).isEqualTo("ENABLED");
    }
}
