package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What htmx gets: fragments instead of redirects, the flash message out of band, errors retargeted
 * into the flash region, the CSRF token from a header; and the pages added with the menu.
 */
class TestAdminFragments {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh().receiver(r -> r.respond(200, "{\"ok\":true}"));
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theToggleAnswersHtmxWithTheSwitchAndTheMessage() {
        String id = host.createWebhook("Shop <orders>", host.receiver().url("/h"), "ping").get("id").asText();
        HttpResponse<String> r = htmxPost("/admin/webhooks/" + id + "/toggle", host.http().csrfToken(), "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<html").doesNotContain("sidenav");
        HtmlPage fragment = HtmlPage.of(r.body());
        Element toggle = fragment.element("[role=switch]");
        assertThat(toggle.attr("aria-checked")).isEqualTo("false");
        assertThat(toggle.text()).isEqualTo("Off — Shop <orders>");
        Element flash = fragment.element("#flash-region");
        assertThat(flash.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(flash.attr("aria-live")).isEqualTo("polite");
        assertThat(fragment.statuses()).containsExactly("Webhook “Shop <orders>” turned off.");
        assertThat(fragment.all("orders")).as("the name is text, not markup").isEmpty();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(host.http().get("/api/v1/webhooks/" + id).json().get("enabled").asBoolean()).isFalse();
        // No flash cookie: the message was shown in place, not left for the next page.
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("plugboard_flash="));
    }

    @Test
    void theCsrfHeaderIsCheckedLikeTheField() {
        String id = host.createWebhook("Shop", host.receiver().url("/h"), "ping").get("id").asText();
        HttpResponse<String> wrong = htmxPost("/admin/webhooks/" + id + "/toggle", "not-the-token", "");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().firstValue("HX-Retarget")).hasValue("#flash-region");
        assertThat(wrong.body()).doesNotContain("<html");
        assertThat(HtmlPage.of(wrong.body()).alerts()).singleElement(STRING).contains("security token");
        HttpResponse<String> none = htmxPost("/admin/webhooks/" + id + "/toggle", null, "");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(host.http().get("/api/v1/webhooks/" + id).json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void anExpiredSessionSendsHtmxToTheLoginPageAsAWholePage() {
        String id = host.createWebhook("Shop", host.receiver().url("/h"), "ping").get("id").asText();
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/admin/webhooks/" + id + "/toggle"))
                .header("HX-Request", "true").header("Cookie", "plugboard_session=expired")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=x")).build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("HX-Redirect")).hasValue("/admin/login");
        assertThat(r.body()).doesNotContain("<html");
        assertThat(host.http().get("/api/v1/webhooks/" + id).json().get("enabled").asBoolean()).isTrue();
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/admin/deliveries/dlv_x")).header("HX-Request", "true")
                .header("Cookie", "plugboard_session=expired").GET().build());
        assertThat(get.headers().firstValue("HX-Redirect")).hasValue("/admin/login?next=%2Fadmin%2Fdeliveries%2Fdlv_x");
    }

    @Test
    void aTestSendAnswersHtmxWithTheResultPanel() throws Exception {
        String id = host.createWebhook("Shop", host.receiver().url("/h"), "ping").get("id").asText();
        HttpResponse<String> r = htmxPost("/admin/webhooks/" + id + "/test", host.http().csrfToken(), "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<section id=\"test-result\"");
        HtmlPage result = HtmlPage.of(r.body());
        assertThat(result.element("#test-result").classNames()).contains("ok");
        assertThat(result.text()).contains("Delivered HTTP 200");
        assertThat(result.element("#test-body").text()).isEqualTo("{\n  \"ok\": true\n}");
        assertThat(result.element("#test-body .j-bool").text()).as("the JSON is highlighted").isEqualTo("true");
        host.receiver().next(Duration.ofSeconds(5));

        HttpResponse<String> fromCatalog = htmxPost("/admin/events/ping/test", host.http().csrfToken(), "webhook_id=" + id);
        assertThat(fromCatalog.body()).startsWith("<section id=\"test-result\"");
        assertThat(HtmlPage.of(fromCatalog.body()).heading(2)).isEqualTo("Test event ping sent to Shop");
        HttpResponse<String> noWebhook = htmxPost("/admin/events/ping/test", host.http().csrfToken(), "webhook_id=");
        assertThat(noWebhook.statusCode()).isEqualTo(400);
        assertThat(noWebhook.body()).contains("choose a webhook to send the test to").doesNotContain("<html");
    }

    @Test
    void deliveryDetailAndRedeliverAnswerHtmxWithThePanel() throws Exception {
        String id = host.createWebhook("Shop", host.receiver().url("/h"), "ping").get("id").asText();
        host.http().postJson("/api/v1/webhooks/" + id + "/test", "{}");
        host.receiver().next(Duration.ofSeconds(5));
        String delivery = host.http().get("/api/v1/webhooks/" + id + "/deliveries").json().get("data").get(0).get("id").asText();

        HttpResponse<String> detail = htmxGet("/admin/deliveries/" + delivery);
        assertThat(detail.body()).startsWith("<section class=\"delivery-detail card\"").doesNotContain("<html");
        HtmlPage panel = HtmlPage.of(detail.body());
        assertThat(panel.heading(2)).isEqualTo("Delivery " + delivery);
        assertThat(panel.text()).contains("Attempt 1");
        HtmlPage full = HtmlPage.of(page("/admin/deliveries/" + delivery));
        assertThat(full.heading(1)).isEqualTo("Delivery " + delivery);
        assertThat(full.within("#delivery-panel").heading(1)).as("the panel htmx swaps").isEqualTo("Delivery " + delivery);

        HttpResponse<String> again = htmxPost("/admin/deliveries/" + delivery + "/redeliver", host.http().csrfToken(), "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Queued again as delivery dlv_").contains("hx-swap-oob=\"true\"")
                .contains("class=\"badge pending\"").contains("hx-trigger=\"load delay:2s\"");
        host.receiver().next(Duration.ofSeconds(10));
    }

    @Test
    void redeliverHasTheLogReloadItsRowsWhichHtmxGetsAlone() throws Exception {
        String id = host.createWebhook("Shop", host.receiver().url("/h"), "ping").get("id").asText();
        host.http().postJson("/api/v1/webhooks/" + id + "/test", "{}");
        host.receiver().next(Duration.ofSeconds(5));
        String delivery = host.http().get("/api/v1/webhooks/" + id + "/deliveries").json().get("data").get(0).get("id").asText();
        String log = "/admin/webhooks/" + id + "/deliveries";
        Element reloading = HtmlPage.of(page(log)).element("#delivery-rows");
        assertThat(reloading.attr("hx-get")).isEqualTo(log);
        assertThat(reloading.attr("hx-trigger")).isEqualTo("deliveries-changed from:body");

        HttpResponse<String> again = htmxPost("/admin/deliveries/" + delivery + "/redeliver", host.http().csrfToken(), "");
        assertThat(again.headers().firstValue("HX-Trigger")).hasValue("deliveries-changed");
        String queued = again.body().replaceAll("(?s).*Queued again as delivery (dlv_\\w+).*", "$1");
        HttpResponse<String> rows = rows(log);
        assertThat(rows.body()).startsWith("<div id=\"delivery-rows\"").doesNotContain("<html").doesNotContain("<h1");
        HtmlPage reloaded = HtmlPage.of(rows.body());
        assertThat(reloaded.element("#delivery-rows").attr("hx-get")).isEqualTo(log);
        assertThat(reloaded.cells("Deliveries of Shop")).as("a header and two rows").hasSize(3);
        assertThat(reloaded.link("Details of delivery " + queued)).isEqualTo("/admin/deliveries/" + queued);
        assertThat(reloaded.link("Details of delivery " + delivery)).isEqualTo("/admin/deliveries/" + delivery);
        // A filtered page reloads as itself.
        HtmlPage failed = HtmlPage.of(rows(log + "?status=failed").body());
        assertThat(failed.element("#delivery-rows").attr("hx-get")).isEqualTo(log + "?status=failed");
        assertThat(failed.text()).contains("No deliveries with status failed");
        host.receiver().next(Duration.ofSeconds(10));
        // Without JavaScript the same button posts a form and is redirected, with the message for the next page.
        Http.Response plain = host.http().postForm("/admin/deliveries/" + delivery + "/redeliver", List.of());
        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.header("Location")).startsWith("/admin/deliveries/dlv_");
        assertThat(Http.cookie(plain, "plugboard_flash")).contains("Queued");
        assertThat(plain.headers().firstValue("HX-Trigger")).isEmpty();
        host.receiver().next(Duration.ofSeconds(10));
    }

    @Test
    void theAllWebhooksLogNamesEachDeliverysWebhook() throws Exception {
        HtmlPage empty = HtmlPage.of(page("/admin/deliveries"));
        assertThat(empty.text()).contains("No deliveries yet.");
        assertThat(empty.link("Add a webhook")).isEqualTo("/admin/webhooks");
        String a = host.createWebhook("Alpha", host.receiver().url("/a"), "ping").get("id").asText();
        String b = host.createWebhook("Beta", host.receiver().url("/b"), "ping").get("id").asText();
        host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":2}}");
        host.receiver().awaitCount(2, Duration.ofSeconds(10));
        HtmlPage all = HtmlPage.of(page("/admin/deliveries"));
        assertThat(all.cells("Deliveries").get(0)).contains("Webhook");
        assertThat(all.cells("Deliveries")).extracting(row -> row.get(2)).contains("Alpha", "Beta");
        assertThat(all.within("table").link("Alpha")).isEqualTo("/admin/webhooks/" + a + "/deliveries");
        assertThat(all.within("table").link("Beta")).isEqualTo("/admin/webhooks/" + b + "/deliveries");
        assertThat(all.current("Admin sections")).isEqualTo(new HtmlPage.Current("Deliveries", "page"));
        HtmlPage one = HtmlPage.of(page("/admin/webhooks/" + a + "/deliveries"));
        assertThat(one.cells("Deliveries of Alpha").get(0)).doesNotContain("Webhook");
        assertThat(one.current("Admin sections")).isEqualTo(new HtmlPage.Current("Webhooks", "true"));
    }

    @Test
    void theSettingsHubShowsTheHostAndLinksItsPages() {
        HtmlPage settings = HtmlPage.of(page("/admin/settings"));
        assertThat(settings.title()).isEqualTo("Settings · Test Site");
        for (String hub : List.of("/admin/tokens", "/admin/admins", "/admin/account")) {
            assertThat(settings.within("a.hub-card[href=\"" + hub + "\"]").text()).as(hub).isNotBlank();
        }
        assertThat(settings.text()).contains("Outbound guard relaxed: private and loopback targets are allowed")
                .contains(host.dataDir().toAbsolutePath().toString())
                .contains("50 ms, 50 ms, 50 ms");
        assertThat(settings.current("Admin sections")).isEqualTo(new HtmlPage.Current("Settings", "page"));
        HtmlPage admins = HtmlPage.of(page("/admin/admins"));
        assertThat(admins.current("Admin sections")).isEqualTo(new HtmlPage.Current("Settings", "true"));
        assertThat(admins.within("nav[aria-label=Breadcrumb]").link("Settings")).isEqualTo("/admin/settings");
        assertThat(admins.current("Breadcrumb")).isEqualTo(new HtmlPage.Current("Admins", "page"));
        HtmlPage tokens = HtmlPage.of(page("/admin/tokens"));
        assertThat(tokens.linkTo("/api/v1/openapi.json")).isNotBlank();
        assertThat(tokens.current("Admin sections")).isEqualTo(new HtmlPage.Current("API", "page"));
    }

    @Test
    void theLayoutLoadsHtmxFromTheJarWithItsEvalFeaturesOff() throws Exception {
        String body = page("/admin/webhooks");
        HtmlPage layout = HtmlPage.of(body);
        String src = layout.element("script[src^=\"/webjars/htmx.org/\"]").attr("src");
        assertThat(layout.element("meta[name=htmx-config]").attr("content")).contains("\"allowEval\":false")
                .contains("\"allowScriptTags\":false").contains("\"includeIndicatorStyles\":false");
        assertThat(layout.element("body").attr("hx-headers"))
                .isEqualTo("{\"X-CSRF-Token\": \"" + host.http().csrfToken() + "\"}");
        assertThat(layout.all("script").eachAttr("src")).as("no inline script").hasSameSizeAs(layout.all("script"));
        assertThat(layout.all("[style], style")).as("no inline style").isEmpty();
        HttpResponse<String> script = client.send(HttpRequest.newBuilder(uri(src)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("htmx");
    }

    private String page(String path) {
        Http.Response r = host.http().get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private URI uri(String path) {
        return URI.create(host.host().baseUrl() + path);
    }

    /** What htmx asks for when it reloads the delivery log's rows. */
    private HttpResponse<String> rows(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").header("HX-Target", "delivery-rows")
                .header("Cookie", host.http().sessionCookieHeader()).GET().build());
    }

    private HttpResponse<String> htmxGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true")
                .header("Cookie", host.http().sessionCookieHeader()).GET().build());
    }

    /** An htmx POST: the token only in the header (null for none), the form fields as given. */
    private HttpResponse<String> htmxPost(String path, String csrfHeader, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("HX-Request", "true")
                .header("Cookie", host.http().sessionCookieHeader())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (csrfHeader != null) {
            b.header("X-CSRF-Token", csrfHeader);
        }
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
