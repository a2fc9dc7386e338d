package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(r.body()).doesNotContain("<html").doesNotContain("sidenav")
                .contains("role=\"switch\" aria-checked=\"false\"").contains(">Off<")
                .contains("<div id=\"flash-region\" class=\"flash-region\" aria-live=\"polite\" hx-swap-oob=\"true\">")
                .contains("Webhook “Shop &lt;orders&gt;” turned off.");
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
        assertThat(wrong.body()).contains("class=\"alert\" role=\"alert\"").contains("security token").doesNotContain("<html");
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
        assertThat(r.body()).startsWith("<section id=\"test-result\" class=\"result ok\"")
                .contains(">Delivered</span>")
                .contains("<span class=\"j-key\">&quot;ok&quot;</span>: <span class=\"j-bool\">true</span>");
        host.receiver().next(Duration.ofSeconds(5));

        HttpResponse<String> fromCatalog = htmxPost("/admin/events/ping/test", host.http().csrfToken(), "webhook_id=" + id);
        assertThat(fromCatalog.body()).startsWith("<section id=\"test-result\"").contains("<code>ping</code>");
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
        assertThat(detail.body()).startsWith("<section class=\"delivery-detail card\"")
                .contains("<h2 id=\"delivery-title-" + delivery + "\">").contains("Attempt 1").doesNotContain("<html");
        assertThat(page("/admin/deliveries/" + delivery)).contains("<h1 id=\"delivery-title-" + delivery + "\">")
                .contains("<div id=\"delivery-panel\" class=\"delivery-panel\">");

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
        assertThat(page(log)).contains("<div id=\"delivery-rows\" hx-get=\"" + log + "\"")
                .contains("hx-trigger=\"deliveries-changed from:body\"");

        HttpResponse<String> again = htmxPost("/admin/deliveries/" + delivery + "/redeliver", host.http().csrfToken(), "");
        assertThat(again.headers().firstValue("HX-Trigger")).hasValue("deliveries-changed");
        String queued = again.body().replaceAll("(?s).*Queued again as delivery (dlv_\\w+).*", "$1");
        HttpResponse<String> rows = rows(log);
        assertThat(rows.body()).startsWith("<div id=\"delivery-rows\" hx-get=\"" + log + "\"")
                .contains("<table class=\"table deliveries stack\">").contains(queued).contains(delivery)
                .doesNotContain("<html").doesNotContain("<h1");
        // A filtered page reloads as itself (the = is escaped as in any attribute).
        assertThat(rows(log + "?status=failed").body()).startsWith("<div id=\"delivery-rows\" hx-get=\"" + log
                + "?status&#x3D;failed\"").contains("No deliveries with status failed");
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
        assertThat(page("/admin/deliveries")).contains("No deliveries yet.").contains("href=\"/admin/webhooks\">Add a webhook</a>");
        String a = host.createWebhook("Alpha", host.receiver().url("/a"), "ping").get("id").asText();
        String b = host.createWebhook("Beta", host.receiver().url("/b"), "ping").get("id").asText();
        host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":2}}");
        host.receiver().awaitCount(2, Duration.ofSeconds(10));
        String body = page("/admin/deliveries");
        assertThat(body).contains("<th scope=\"col\">Webhook</th>")
                .contains("href=\"/admin/webhooks/" + a + "/deliveries\" class=\"truncate\"")
                .contains("href=\"/admin/webhooks/" + b + "/deliveries\" class=\"truncate\"")
                .contains("<a href=\"/admin/deliveries\" aria-current=\"page\" class=\"active\">Deliveries</a>");
        assertThat(page("/admin/webhooks/" + a + "/deliveries")).doesNotContain("<th scope=\"col\">Webhook</th>")
                .contains("<a href=\"/admin/webhooks\" aria-current=\"true\" class=\"active\">Webhooks</a>");
    }

    @Test
    void theSettingsHubShowsTheHostAndLinksItsPages() {
        String body = page("/admin/settings");
        assertThat(body).contains("<title>Settings · Test Site</title>")
                .contains("<a class=\"hub-card\" href=\"/admin/tokens\">")
                .contains("<a class=\"hub-card\" href=\"/admin/admins\">")
                .contains("<a class=\"hub-card\" href=\"/admin/account\">")
                .contains("Outbound guard relaxed: private and loopback targets are allowed")
                .contains(host.dataDir().toAbsolutePath().toString())
                .contains("50 ms, 50 ms, 50 ms")
                .contains("<a href=\"/admin/settings\" aria-current=\"page\" class=\"active\">Settings</a>");
        assertThat(page("/admin/admins")).contains("<a href=\"/admin/settings\" aria-current=\"true\" class=\"active\">Settings</a>")
                .contains("<a href=\"/admin/settings\">Settings</a></li><li><span aria-current=\"page\">Admins</span>");
        assertThat(page("/admin/tokens")).contains("href=\"/api/v1/openapi.json\"")
                .contains("<a href=\"/admin/tokens\" aria-current=\"page\" class=\"active\">API</a>");
    }

    @Test
    void theLayoutLoadsHtmxFromTheJarWithItsEvalFeaturesOff() throws Exception {
        String body = page("/admin/webhooks");
        assertThat(body).contains("<script src=\"/webjars/htmx.org/").contains("\"allowEval\":false")
                .contains("\"allowScriptTags\":false").contains("\"includeIndicatorStyles\":false")
                .contains("hx-headers='{\"X-CSRF-Token\": \"" + host.http().csrfToken() + "\"}'")
                .doesNotContain("<script>").doesNotContain("style=");
        String src = body.substring(body.indexOf("/webjars/htmx.org/"), body.indexOf("\"", body.indexOf("/webjars/htmx.org/")));
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
