package io.plugboard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.plugboard.host.Plugboard;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The customer area: the demo customer's portal opens from the shop, and their events reach only their endpoints. */
class TestCustomerArea {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("shopkeeper:sample site passphrase".getBytes(StandardCharsets.UTF_8));

    private static Plugboard site;
    private static HttpServer receiver;
    private static final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        SiteOptions options = SiteOptions.parse(new String[] {"--port", "0", "--data-dir",
                Files.createTempDirectory("customer-area").toString(), "--admin-user", "shopkeeper",
                "--admin-password", "sample site passphrase", "--allow-private-targets"}, Map.of());
        site = SampleSite.start(options);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        site.close();
        receiver.stop(0);
    }

    @Test
    void manageWebhooksOpensTheDemoCustomersPortalOnce() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/customer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Customer area: Demo customer (Ada&#39;s Bakery)");

        HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/customer/portal"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(303);
        String link = opened.headers().firstValue("Location").orElseThrow();
        assertThat(link).startsWith("/portal/enter/");

        HttpClient following = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> portal = following.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.uri().getPath()).startsWith("/portal");
        assertThat(portal.body()).contains("Webhooks for Demo customer (Ada&#x27;s Bakery)");
        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.baseUrl() + link))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as("a link works once").isEqualTo(410);
    }

    @Test
    void aPaymentForTheCustomerReachesOnlyTheirEndpoint() throws Exception {
        site.ensureApplication(CustomerArea.CUSTOMER, CustomerArea.NAME);
        String theirs = webhook("/api/v1/apps/" + CustomerArea.CUSTOMER + "/webhooks", "/theirs");
        String shops = webhook("/api/v1/webhooks", "/shop");

        HttpResponse<String> emitted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(site.baseUrl() + "/customer/invoice")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(emitted.statusCode()).isEqualTo(200);
        assertThat(emitted.body()).contains("only their endpoints receive it");

        String first = received.poll(20, TimeUnit.SECONDS);
        assertThat(first).as("delivered within 20 s").isNotNull().startsWith("/theirs ").contains("demo-customer");
        // Deliveries are written with the event, so the shop's own webhook would have one by now.
        JsonNode shopDeliveries = api("/api/v1/webhooks/" + shops + "/deliveries").get("data");
        assertThat(shopDeliveries).as("the shop's own webhook gets nothing of the customer's").isEmpty();
        assertThat(api("/api/v1/apps/" + CustomerArea.CUSTOMER + "/webhooks/" + theirs + "/deliveries").get("data"))
                .hasSize(1);
    }

    private static String webhook(String path, String receiverPath) throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + receiverPath;
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Authorization", BASIC).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(Map.of("name", "Payments",
                        "url", url, "events", List.of("payment_received"))))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return MAPPER.readTree(r.body()).get("id").asText();
    }

    private static JsonNode api(String path) throws Exception {
        return MAPPER.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Authorization", BASIC).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
