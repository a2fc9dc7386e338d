package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a real plugin jar (the {@link Observer}) contributes to a running host: callbacks on every core
 * hook, JSON routes, an admin page with its menu entry and form, and names the host keeps for itself.
 * A second plugin, {@code zeta}, depends on it, so it starts after the observer's hooks are in place.
 */
class TestPluginContributions {

    private static TestHost host;
    private static Http http;
    private static Receiver ok;
    private static Receiver failing;

    @BeforeAll
    static void start() {
        Path dir = TestHost.tempDir("plugins");
        Observer.jar().writeTo(dir);
        Plugins.good("zeta", "zeta_event").manifest("Plugin-Dependencies", "observer").writeTo(dir);
        host = TestHost.start(dir);
        http = host.http();
        ok = new Receiver();
        failing = new Receiver().respond(500, "no");
    }

    @AfterAll
    static void stop() {
        host.close();
        ok.close();
        failing.close();
    }

    static List<String> seen(Http http) {
        List<String> seen = new ArrayList<>();
        http.get("/api/v1/plugins/observer/seen").json().forEach(n -> seen.add(n.asText()));
        return seen;
    }

    static List<String> awaitSeen(Http http, String expected) {
        return Await.value("the observer saw " + expected, () -> seen(http), seen -> seen.contains(expected));
    }

    @Test
    void hostKeepsItsOwnNames() {
        assertThat(seen(http)).contains("reserved page refused", "reserved route refused");
    }

    @Test
    void pluginActivatedFiresAfterEachStart() {
        // The observer's callbacks are added in its start(), so it hears of its own activation too.
        assertThat(seen(http)).containsSubsequence("plugin_activated:observer", "plugin_activated:zeta");
    }

    @Test
    void webhookEventAndDeliveryHooksFire() throws Exception {
        JsonNode w = host.createWebhook("Hooked", ok.url("/in"), "order_placed");
        String id = w.get("id").asText();
        assertThat(http.patchJson("/api/v1/webhooks/" + id, "{\"name\":\"Hooked again\"}").status()).isEqualTo(200);
        host.createWebhook("Broken", failing.url("/in"), "order_placed");

        assertThat(http.postJson("/api/v1/events", Http.json(Map.of("type", "order_placed",
                "data", Map.of("order_id", "ord_9", "total", "3.00"))))).extracting(Http.Response::status).isEqualTo(202);
        ok.awaitCount(1, Duration.ofSeconds(10));

        awaitSeen(http, "delivery_succeeded:order_placed:200");
        // FAST: three retries after the first attempt, then the delivery fails for good.
        awaitSeen(http, "delivery_failed:order_placed:4");
        assertThat(http.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        List<String> seen = awaitSeen(http, "webhook_deleted:Hooked again");
        assertThat(seen).contains("webhook_created:Hooked", "webhook_updated:Hooked again", "webhook_created:Broken",
                "emitted:order_placed:api");
    }

    @Test
    void jsonRoutesAnswerUnderThePluginsPrefix() {
        JsonNode item = http.get("/api/v1/plugins/observer/items/42?q=x").json();
        assertThat(item.get("id").asText()).isEqualTo("42");
        assertThat(item.get("q").asText()).isEqualTo("x");
        Http.Response echo = http.postJson("/api/v1/plugins/observer/echo", "{\"a\":[1,2]}");
        assertThat(echo.status()).isEqualTo(201);
        assertThat(echo.json().get("a").size()).isEqualTo(2);

        Http.Response bad = http.get("/api/v1/plugins/observer/bad");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("the id is malformed");
        Http.Response boom = http.get("/api/v1/plugins/observer/boom");
        assertThat(boom.status()).isEqualTo(500);
        assertThat(boom.body()).contains("observer").doesNotContain("kaput");
        assertThat(http.get("/api/v1/plugins/observer/notjson").status()).isEqualTo(500);
        assertThat(http.get("/api/v1/plugins/observer/nothing").status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/plugins/observer/seen").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/plugins/ghost/seen").status()).isEqualTo(404);
        assertThat(new Http(host.host().baseUrl()).get("/api/v1/plugins/observer/seen").status()).isEqualTo(401);
    }

    @Test
    void adminPageRendersInsideTheLayoutWithItsMenuEntry() {
        assertThat(http.get("/admin/webhooks").body()).contains("href=\"/admin/plugins/observer/report\"");

        Http.Response page = http.get("/admin/plugins/observer/report");
        assertThat(page.status()).isEqualTo(200);
        HtmlPage report = HtmlPage.of(page);
        assertThat(report.title()).isEqualTo("Observer report · Test Site");
        assertThat(report.element("#who").text()).isEqualTo("admin");
        assertThat(report.element("form input[name=_csrf]").val()).isEqualTo(http.csrfToken());
        assertThat(report.current("Admin sections")).isEqualTo(new HtmlPage.Current("Observer", "page"));
        assertThat(report.link("Observer")).isEqualTo("/admin/plugins/observer/report");

        Http.Response posted = http.postForm("/admin/plugins/observer/report", List.of(Map.entry("note", "<b>hi</b>")));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).isEqualTo("/admin/plugins/observer/report");
        String after = http.get("/admin/plugins/observer/report").body();
        assertThat(Http.cookie(posted, "plugboard_flash")).isNotBlank();
        assertThat(after).doesNotContain("<b>hi</b>");
        assertThat(HtmlPage.of(after).all("li.note").eachText()).containsExactly("<b>hi</b>");
        assertThat(HtmlPage.of(after).all("li.note b")).isEmpty();

        Http.Response blank = http.postForm("/admin/plugins/observer/report", List.of(Map.entry("note", " ")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("a note is required");
        assertThat(http.postForm("/admin/plugins/observer/report", List.of(Map.entry("_csrf", "forged"),
                Map.entry("note", "x"))).status()).isEqualTo(403);
        assertThat(http.get("/admin/plugins/observer/missing").status()).isEqualTo(404);
        assertThat(http.get("/admin/plugins/zeta/report").status()).isEqualTo(404);
    }
}
