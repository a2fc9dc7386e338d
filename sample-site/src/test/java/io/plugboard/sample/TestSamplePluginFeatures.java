package io.plugboard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.plugboard.host.Plugboard;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the sample plugins' real jars add beyond event types: the payments plugin's settings and its
 * filter on outgoing payment events, and both plugins' admin pages and JSON routes.
 */
class TestSamplePluginFeatures {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String ADMIN = "shopkeeper";
    private static final String PASSWORD = "sample site passphrase";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static Plugboard site;
    private static HttpServer receiver;
    private static final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        SiteOptions options = SiteOptions.parse(new String[] {"--port", "0", "--data-dir",
                Files.createTempDirectory("sample-features").toString(), "--admin-user", ADMIN, "--admin-password",
                PASSWORD, "--allow-private-targets"}, Map.of());
        site = SampleSite.start(options);
    }

    @AfterAll
    static void stop() {
        site.close();
        receiver.stop(0);
    }

    private static HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).header("Authorization", BASIC);
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        return CLIENT.send(r.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String path, String body, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return CLIENT.send(r.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePaymentsFilterAddsTheDescriptorAndHidesTheEmailAsConfigured() throws Exception {
        JsonNode defaults = MAPPER.readTree(api("GET", "/api/v1/plugins/payments/settings", null).body());
        assertThat(defaults.get("settings").get(0).get("value").asText()).isEqualTo("PLUGBOARD SHOP");
        assertThat(api("PUT", "/api/v1/plugins/payments/settings",
                "{\"statement_descriptor\":\"ACME \\\"SHOP\\\"\",\"redact_customer_email\":true}").statusCode())
                .isEqualTo(200);
        String hook = "{\"name\":\"Receiver\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/in\",\"events\":[\"payment_received\"]}";
        assertThat(api("POST", "/api/v1/webhooks", hook).statusCode()).isEqualTo(201);

        form("/demo/checkout", "name=Ada&email=" + URLEncoder.encode("ada@example.com", StandardCharsets.UTF_8)
                + "&amount=12", null);
        String body = received.poll(10, TimeUnit.SECONDS);
        assertThat(body).as("the receiver got the payment").isNotNull();
        JsonNode data = MAPPER.readTree(body).get("data");
        assertThat(data.get("statement_descriptor").asText()).isEqualTo("ACME \"SHOP\"");
        assertThat(data.get("customer").get("email").asText()).isEqualTo("[redacted]");
        assertThat(data.get("customer").get("name").asText()).isEqualTo("Ada");
    }

    @Test
    void bothPluginsShowAdminPagesAndAnswerTheirRoutes() throws Exception {
        form("/demo/signup", "name=Grace&email=grace%40example.com", null);
        JsonNode stats = MAPPER.readTree(api("GET", "/api/v1/plugins/accounts/stats", null).body());
        assertThat(stats.get("signups_total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("signups_last_hour").asLong()).isGreaterThanOrEqualTo(1);

        String session = login();
        HttpResponse<String> payments = CLIENT.send(HttpRequest.newBuilder(
                URI.create(site.baseUrl() + "/admin/plugins/payments/recent")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(payments.statusCode()).isEqualTo(200);
        assertThat(payments.body()).contains("<h1>Recent payments</h1>", "href=\"/admin/plugins/accounts/signups\"",
                "href=\"/admin/plugins/payments/settings\"");
        HttpResponse<String> settings = CLIENT.send(HttpRequest.newBuilder(
                URI.create(site.baseUrl() + "/admin/plugins/payments/settings")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(settings.body()).contains("Statement descriptor", "Payment provider API key", "type=\"password\"");
        HttpResponse<String> accounts = CLIENT.send(HttpRequest.newBuilder(
                URI.create(site.baseUrl() + "/admin/plugins/accounts/signups")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accounts.body()).contains("<h1>Sign-ups</h1>", "id=\"total\"");
    }

    /** Logs in through the form, as a browser would, and returns the session cookie. */
    private static String login() throws Exception {
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/admin/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = cookie(page, "plugboard_login_csrf");
        HttpResponse<String> in = form("/admin/login", "_csrf=" + csrf + "&username=" + ADMIN + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), "plugboard_login_csrf=" + csrf);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
        return "plugboard_session=" + cookie(in, "plugboard_session");
    }

    private static String cookie(HttpResponse<String> r, String name) {
        for (String header : r.headers().allValues("Set-Cookie")) {
            Matcher m = Pattern.compile("^" + name + "=([^;]*)").matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no cookie " + name + " in " + r.headers().map());
    }
}
