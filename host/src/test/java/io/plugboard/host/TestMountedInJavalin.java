package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plugboard mounted into a shop's own Javalin app ({@link PlugboardJavalin#mount}), over real HTTP: its
 * admin, API and deliveries work under {@code /plugboard}, while the shop's routes keep the shop's JSON
 * mapper, exception handler and 404 page.
 */
class TestMountedInJavalin {

    private static final String BASE = "/plugboard";

    private static Receiver receiver;
    private static Plugboard host;
    private static Javalin app;
    private static String server;

    /** The shop's order, written by the shop's mapper (camelCase, marked). */
    record Order(String orderId, String total) {}

    /** The shop's JSON mapper: Jackson's defaults, each answer marked as the shop's. */
    static final class ShopJson implements JsonMapper {
        private final JavalinJackson jackson = new JavalinJackson(new ObjectMapper(), false);

        @Override
        public String toJsonString(Object value, Type type) {
            return "{\"shop_json\":true,\"value\":" + jackson.toJsonString(value, type) + "}";
        }
    }

    @BeforeAll
    static void start() {
        receiver = new Receiver();
        app = shop(builder(), new ShopJson(), Map.of("ord_1", new Order("ord_1", "12.50")), 0);
        host = mountedHost;
        server = "http://127.0.0.1:" + app.port();
    }

    /** The host the last {@link #shop} call started. */
    private static Plugboard mountedHost;

    /** The snippet of docs/embedding.md, "Inside your own Javalin app" (checked word for word by TestDocSnippets). */
    static Javalin shop(PlugboardBuilder builder, JsonMapper shopJson, Map<String, Order> orders, int port) {
        // snippet:mounted-javalin
        Plugboard host = builder                 // your PlugboardBuilder, with its options
                .basePath("/plugboard")
                .mounted()
                .build()
                .start();
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(shopJson);         // the shop's own mapper, for the shop's routes
            config.routes.get("/orders/{id}", ctx -> ctx.json(orders.get(ctx.pathParam("id"))));
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).result("The shop is sorry"));
            config.routes.error(404, ctx -> ctx.result("No such shop page"));
            PlugboardJavalin.mount(host, config);
            config.events.serverStopping(host::close);
        }).start("127.0.0.1", port);
        // end:mounted-javalin
        mountedHost = host;
        return app;
    }

    private static PlugboardBuilder builder() {
        return InternalConfigs.cheapPasswordHashing(Plugboard.builder())
                .pluginsDir(TestHost.tempDir("plugins"))
                .dataDir(TestHost.tempDir("data"))
                .eventType(EventType.builder("order_placed").name("Order placed").sample(TestHost.ORDER_SAMPLE).build())
                .delivery(TestHost.FAST)
                .allowPrivateTargets(true)
                .adminUser(TestHost.ADMIN, TestHost.PASSWORD)
                .maxRequestBytes(4096);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (host != null) {
            host.close();
        }
        receiver.close();
    }

    @Test
    void theAdminSignsInUnderTheBasePathAndAFormWithItsCsrfTokenChangesSomething() {
        Http anonymous = new Http(server);
        Http.Response redirected = anonymous.get(BASE + "/admin/webhooks");
        assertThat(redirected.status()).isEqualTo(302);
        assertThat(redirected.header("Location")).startsWith(BASE + "/admin/login");

        Http admin = new Http(server + BASE);
        admin.login(TestHost.ADMIN, TestHost.PASSWORD);
        Http.Response page = admin.get("/admin/webhooks");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"" + BASE + "/plugboard/static/");
        Http.Response css = admin.get("/plugboard/static/admin.css");
        assertThat(css.status()).as("the admin's stylesheet").isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");

        Http.Response saved = admin.postForm("/admin/secrets", List.of(Map.entry("name", "SHOP_KEY"),
                Map.entry("value", "s3cret")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).isEqualTo(BASE + "/admin/secrets");
        assertThat(admin.get("/admin/secrets").body()).contains("SHOP_KEY");

        Http.Response forged = admin.postForm("/admin/secrets", List.of(Map.entry("name", "OTHER"),
                Map.entry("value", "x"), Map.entry("_csrf", "forged")));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("shop");
    }

    @Test
    void theCustomerPortalOpensUnderTheBasePathAndItsFormsWork() {
        Http api = Http.authenticated(server + BASE, TestHost.ADMIN, TestHost.PASSWORD);
        assertThat(api.postJson("/api/v1/apps", "{\"uid\":\"customer\",\"name\":\"Customer\"}").status())
                .isEqualTo(201);
        String url = api.postJson("/api/v1/apps/customer/portal-links", "{}").json().get("url").asText();
        assertThat(url).startsWith(server + BASE + "/portal/enter/");

        Http.Response opened = Http.exchange(server, "GET", url.substring(server.length()), Map.of(), null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(302);
        assertThat(opened.header("Location")).isEqualTo(BASE + "/portal");
        assertThat(opened.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("plugboard_portal="))
                .singleElement().asString().contains("Path=" + BASE + "/portal;");
        Map<String, String> cookie = Map.of("Cookie", "plugboard_portal=" + Http.cookie(opened, "plugboard_portal"));
        Http.Response portal = Http.exchange(server, "GET", BASE + "/portal", cookie, null);
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.body()).contains("Webhooks for Customer")
                .contains("href=\"" + BASE + "/plugboard/static/portal.css\"");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(portal.body());
        assertThat(csrf.find()).isTrue();

        Map<String, String> form = Map.of("Cookie", cookie.get("Cookie"),
                "Content-Type", "application/x-www-form-urlencoded");
        String fields = "name=Orders&events=order_placed&url="
                + java.net.URLEncoder.encode(receiver.url("/customer"), java.nio.charset.StandardCharsets.UTF_8);
        Http.Response forged = Http.exchange(server, "POST", BASE + "/portal/endpoints", form, fields + "&_csrf=forged");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("shop");
        Http.Response added = Http.exchange(server, "POST", BASE + "/portal/endpoints", form,
                fields + "&_csrf=" + csrf.group(1));
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        assertThat(added.header("Location")).startsWith(BASE + "/portal/endpoints/");
        assertThat(api.get("/api/v1/apps/customer/webhooks").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void anEventEmittedThroughTheApiIsDeliveredAndTheApiAnswersWithPlugboardsJson() throws Exception {
        Http api = Http.authenticated(server + BASE, TestHost.ADMIN, TestHost.PASSWORD);
        Http.Response created = api.postJson("/api/v1/webhooks", Http.json(Map.of("name", "Shop",
                "url", receiver.url("/hook"), "events", List.of("order_placed"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("shop_json").contains("\"created_at\"");
        assertThat(created.header("Location")).startsWith(BASE + "/api/v1/webhooks/");

        Http.Response emitted = api.postJson("/api/v1/events", Http.json(Map.of("type", "order_placed",
                "data", Map.of("order_id", "ord_7", "total", "3.00"))));
        assertThat(emitted.status()).as(emitted.body()).isEqualTo(202);
        assertThat(emitted.json().path("id").asText()).startsWith("evt_");

        Receiver.Request delivered = receiver.next(Duration.ofSeconds(10));
        assertThat(delivered).as("a delivery").isNotNull();
        assertThat(delivered.bodyText()).contains("ord_7");
    }

    @Test
    void theShopsRouteJsonMapperExceptionHandlerAnd404AreItsOwn() {
        Http shopper = new Http(server);
        Http.Response order = shopper.get("/orders/ord_1");
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.body()).isEqualTo("{\"shop_json\":true,\"value\":{\"orderId\":\"ord_1\",\"total\":\"12.50\"}}");
        assertThat(order.header("Content-Security-Policy")).as("Plugboard's headers stay under its path").isNull();

        Http.Response missing = shopper.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("No such shop page");

        Http.Response failed = shopper.get("/orders/none"); // ctx.json(null) fails in the shop's handler
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("The shop is sorry");
    }

    @Test
    void anUnknownPathOrAMissingThingUnderTheBasePathGetsPlugboardsOwnAnswer() {
        Http anonymous = new Http(server);
        Http.Response api = anonymous.get(BASE + "/api/v1/no-such-thing");
        assertThat(api.status()).as("credentials are asked first").isEqualTo(401);

        Http signedIn = Http.authenticated(server + BASE, TestHost.ADMIN, TestHost.PASSWORD);
        Http.Response unknownApi = signedIn.get("/api/v1/no-such-thing");
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.header("Content-Type")).startsWith("application/json");
        assertThat(unknownApi.json().path("error").asText()).contains("/plugboard/api/v1/no-such-thing");

        Http.Response missingWebhook = signedIn.get("/api/v1/webhooks/wh_missing");
        assertThat(missingWebhook.status()).isEqualTo(404);
        assertThat(missingWebhook.json().path("error").asText()).isNotBlank();

        Http.Response page = anonymous.get(BASE + "/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).doesNotContain("No such shop page").contains("nothing here");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void aBodyOverPlugboardsLimitIsRefusedOnItsRoutesAlsoWhenSentInChunks() throws Exception {
        Http api = Http.authenticated(server + BASE, TestHost.ADMIN, TestHost.PASSWORD);
        String big = Http.json(Map.of("type", "order_placed", "data", Map.of("order_id", "x".repeat(5000), "total", "1")));
        Http.Response declared = api.postJson("/api/v1/events", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().path("error").asText()).contains("larger than");

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server + BASE + "/api/v1/events"))
                .header("Authorization", api.authorizationHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    }

    @Test
    void theHostKnowsTheShopsPortForItsUrls() {
        assertThat(host.port()).isEqualTo(app.port());
        assertThat(host.baseUrl()).isEqualTo(server + BASE);
    }

    @Test
    void afterTheHostClosesTheShopStillServesAndPlugboardsPathsAnswer503() {
        Javalin other = shop(builder(), new ShopJson(), Map.of("ord_1", new Order("ord_1", "1.00")), 0);
        Plugboard closing = mountedHost;
        try {
            String at = "http://127.0.0.1:" + other.port();
            assertThat(new Http(at).get(BASE + "/health").status()).isEqualTo(200);
            closing.close();
            assertThat(new Http(at).get("/orders/ord_1").status()).isEqualTo(200);
            Http.Response health = new Http(at).get(BASE + "/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("error").asText()).contains("stopped");
            assertThat(new Http(at).get(BASE + "/admin").status()).isEqualTo(503);
        } finally {
            other.stop();
            closing.close();
        }
    }

    @Test
    void aMountedHostNeedsABasePathAndNoCustomizersOfItsOwnServer() {
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).mounted().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("basePath");
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).basePath(BASE).mounted().web(config -> { }).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("web(...)");
    }

    @Test
    void aHostOnItsOwnServerCannotBeMounted() {
        Plugboard own = InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("plugins")).dataDir(TestHost.tempDir("data"))
                .port(0).build().start();
        try {
            assertThatThrownBy(() -> Javalin.create(config -> PlugboardJavalin.mount(own, config)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("mounted()");
        } finally {
            own.close();
        }
    }
}
