package io.plugboard.host.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A host started with {@code basePath("/plugboard")}: everything it serves and links to is under the prefix. */
class TestBasePath {

    private static final String BASE = "/plugboard";
    /** Every attribute that makes the browser request a URL: links, forms, assets, htmx requests. */
    private static final Pattern URL_ATTRIBUTE =
            Pattern.compile("\\s(href|action|src|formaction|hx-get|hx-post|hx-put|hx-delete)=\"([^\"]*)\"");

    private static TestHost host;
    private static String server;

    @BeforeAll
    static void start() {
        Path plugins = TestHost.tempDir("plugins");
        try {
            Files.copy(Path.of("target", "receiver-plugins", "generic-json-receiver.jar"),
                    plugins.resolve("generic-json-receiver.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("run the build through Maven, which copies the receiver plugins", e);
        }
        host = TestHost.start(plugins, TestHost.tempDir("data"), builder -> builder.basePath(BASE));
        server = "http://127.0.0.1:" + host.host().port();
        host.createWebhook("Orders", "https://example.com/orders", "order_placed");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void theBaseUrlIncludesTheBasePath() {
        assertThat(host.host().baseUrl()).isEqualTo(server + BASE);
    }

    @Test
    void theLoginFlowRedirectsUnderTheBasePathAndItsCookiesAreScopedToIt() {
        Http browser = new Http(server);
        Http.Response admin = browser.get(BASE + "/admin/deliveries");
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.header("Location")).isEqualTo(BASE + "/admin/login?next=%2Fadmin%2Fdeliveries");

        Http.Response form = browser.get(admin.header("Location"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("action=\"" + BASE + "/admin/login\"");
        String preSession = cookieHeader(form, "plugboard_login_csrf");
        assertThat(preSession).contains("Path=" + BASE + "/admin");

        String token = Http.cookie(form, "plugboard_login_csrf");
        Http.Response login = postWithCookie(BASE + "/admin/login", "plugboard_login_csrf=" + token, "_csrf=" + token
                + "&username=" + TestHost.ADMIN + "&password=" + TestHost.PASSWORD.replace(' ', '+')
                + "&next=%2Fadmin%2Fdeliveries");
        assertThat(login.status()).as(login.body()).isEqualTo(302);
        assertThat(login.header("Location")).isEqualTo(BASE + "/admin/deliveries");
        assertThat(cookieHeader(login, "plugboard_session")).contains("Path=" + BASE + ";").doesNotContain("Path=/;");
    }

    @Test
    void everyLinkFormAssetAndHtmxRequestOfTheAdminStaysUnderTheBasePathAndAnswers() {
        Http http = host.http();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(BASE + "/admin/webhooks"));
        while (!toVisit.isEmpty() && seen.size() < 200) {
            String path = toVisit.poll();
            if (!seen.add(path)) {
                continue;
            }
            Http.Response page = http.get(path.substring(BASE.length()));
            assertThat(page.status()).as("GET " + path).isIn(200, 302, 303);
            if (page.status() != 200 || !String.valueOf(page.header("Content-Type")).startsWith("text/html")) {
                continue;
            }
            Matcher m = URL_ATTRIBUTE.matcher(page.body());
            while (m.find()) {
                String url = Parser.unescapeEntities(m.group(2), true); // as a browser reads the attribute
                if (url.isEmpty() || url.startsWith("#") || url.startsWith("http")) {
                    continue;
                }
                assertThat(url).as(m.group(1) + " on " + path).startsWith(BASE + "/");
                String target = URI.create(url).getRawPath();
                boolean isLinkToFollow = m.group(1).equals("href") || m.group(1).equals("src") || m.group(1).equals("hx-get");
                if (isLinkToFollow && !target.endsWith("/logout")) {
                    toVisit.add(url.contains("#") ? url.substring(0, url.indexOf('#')) : url);
                }
            }
        }
        assertThat(seen).contains(BASE + "/admin/events", BASE + "/admin/plugins", BASE + "/admin/tokens",
                BASE + "/admin/settings", BASE + "/admin/account", BASE + "/admin/inbound", BASE + "/admin/inspector");
        assertThat(seen).anyMatch(p -> p.startsWith(BASE + "/plugboard/static/"));
        assertThat(seen).anyMatch(p -> p.startsWith(BASE + "/webjars/htmx.org/"));
    }

    @Test
    void theMenuMarksTheCurrentPageUnderTheBasePath() {
        HtmlPage events = HtmlPage.of(host.http().get("/admin/events"));
        assertThat(events.current("Admin sections")).isEqualTo(new HtmlPage.Current("Events", "page"));
        assertThat(events.link("Events")).isEqualTo(BASE + "/admin/events");
    }

    @Test
    void aFormActionRedirectsAndItsFlashCookieStayUnderTheBasePath() {
        Http.Response r = host.http().postForm("/admin/tokens", List.of(Map.entry("name", "ci")));
        assertThat(r.status()).isIn(200, 302, 303);
        Http.Response created = host.http().postForm("/admin/secrets", List.of(Map.entry("name", "SHOP_KEY"),
                Map.entry("value", "s3cret")));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.header("Location")).isEqualTo(BASE + "/admin/secrets");
        assertThat(cookieHeader(created, "plugboard_flash")).contains("Path=" + BASE + "/admin");
    }

    @Test
    void theOpenApiDocumentNamesTheBasePathAsItsServer() {
        JsonNode doc = host.http().get("/api/v1/openapi.json").json();
        assertThat(doc.path("servers")).hasSize(1);
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(server + BASE);
    }

    @Test
    void healthAnInboundPostAndTheApiAnswerUnderTheBasePath() {
        Http anonymous = new Http(server);
        assertThat(anonymous.get(BASE + "/health").status()).isEqualTo(200);

        JsonNode inbound = host.http().postJson("/api/v1/inbound-webhooks", Http.json(Map.of("name", "Legacy",
                "receiver", "generic-json", "settings", Map.of()))).json();
        String url = inbound.path("url").asText();
        assertThat(url).startsWith(server + BASE + "/hooks/in/");
        Http.Response received = new Http("").postJson(url, "{\"n\":1}");
        assertThat(received.status()).as(received.body()).isEqualTo(202);

        Http.Response created = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Second",
                "url", "https://example.com/second", "events", List.of("order_placed"))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith(BASE + "/api/v1/webhooks/");
    }

    @Test
    void theInspectorShowsItsUrlsUnderTheBasePathAndReceivesThere() {
        Http.Response made = host.http().postForm("/admin/inspector", List.of(Map.entry("label", "Try")));
        assertThat(made.status()).isEqualTo(302);
        String inboxPage = made.header("Location");
        assertThat(inboxPage).startsWith(BASE + "/admin/inspector/ibx_");
        String body = host.http().get(inboxPage.substring(BASE.length())).body();
        String id = inboxPage.substring(inboxPage.lastIndexOf('/') + 1);
        assertThat(body).contains(server + BASE + "/inspect/" + id);
        assertThat(new Http(server).postJson(BASE + "/inspect/" + id, "{}").status()).isEqualTo(200);
    }

    @Test
    void nothingAnswersAtThePathsWithoutTheBasePath() {
        Http anonymous = new Http(server);
        for (String path : List.of("/admin", "/admin/login", "/api/v1/openapi.json", "/health", "/metrics",
                "/plugboard/static/admin.css")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(anonymous.postJson("/hooks/in/x/y", "{}").status()).isEqualTo(404);
    }

    @Test
    void aBasePathThatIsNotACleanPathIsRefusedSayingWhatToFix() {
        assertThatThrownBy(() -> Plugboard.builder().basePath("plugboard"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start with '/'");
        assertThatThrownBy(() -> Plugboard.builder().basePath("/plugboard/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"/plugboard\"");
        assertThatThrownBy(() -> Plugboard.builder().basePath("/plug board"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> Plugboard.builder().basePath("//plugboard"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String cookieHeader(Http.Response r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().map()));
    }

    private static Http.Response postWithCookie(String path, String cookie, String form) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create(server + path)).header("Cookie", cookie)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
