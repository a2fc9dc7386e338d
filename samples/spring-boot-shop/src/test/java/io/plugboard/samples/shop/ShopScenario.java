package io.plugboard.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugboard.host.Plugboard;
import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.spring.PlugboardEvents;
import io.plugboard.testkit.CaptureEndpoint;
import io.plugboard.testkit.CapturedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The shop booted as it runs, once per database: Plugboard on a free port of its own, a webhook made
 * through its REST API (HTTP Basic, the admin from the properties) pointing at a real receiver on
 * 127.0.0.1, orders placed in {@code @Transactional} methods. The subclasses give the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ShopScenario {

    static final String ADMIN = "admin";
    static final String PASSWORD = "correct horse battery staple";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The data folder and the SQLite file; removed after the context closes (@DirtiesContext). */
    @TempDir
    static Path dir;
    static CaptureEndpoint receiver;
    static String secret;
    static String webhookId;

    @Autowired Plugboard plugboard;
    @Autowired OrderService orders;
    @Autowired PlugboardEvents events;
    @Autowired MeterRegistry meters;
    @Autowired HealthIndicator plugboardHealthIndicator;
    @LocalServerPort int shopPort;

    @BeforeAll
    static void startReceiver() {
        receiver = new CaptureEndpoint();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** What every database shares: Plugboard on a free port, its admin, and the receiver allowed. */
    static void plugboardProperties(DynamicPropertyRegistry properties, String dataDir) {
        properties.add("plugboard.port", () -> "0");
        properties.add("plugboard.data-dir", () -> dataDir);
        properties.add("plugboard.plugins-dir", () -> dataDir + "/plugins");
        properties.add("plugboard.admin-user", () -> ADMIN);
        properties.add("plugboard.admin-password", () -> PASSWORD);
        properties.add("plugboard.allow-targets", () -> "127.0.0.1");
    }

    @Test
    @Order(1)
    void aWebhookIsCreatedThroughPlugboardsApiOnItsOwnPort() throws Exception {
        assertThat(plugboard.port()).isNotEqualTo(shopPort);
        JsonNode created = api("POST", "/api/v1/webhooks",
                Map.of("name", "Orders", "url", receiver.url(), "events", java.util.List.of("order_placed")), 201);
        secret = created.path("secret").asText();
        webhookId = created.path("id").asText();
        assertThat(secret).startsWith(WebhookVerifier.SECRET_PREFIX);
    }

    @Test
    @Order(2)
    void aCommittedOrderIsDeliveredSignedToTheReceiver() {
        String orderId = orders.placeOrder("ada@example.com", 4200);

        CapturedRequest delivered = receiver.await(r -> orderId.equals(r.data().optionalString("order_id").orElse(null)),
                "order_placed for " + orderId, WAIT);
        assertThat(delivered.eventType()).isEqualTo("order_placed");
        assertThat(delivered.data().longValue("total_cents")).isEqualTo(4200);
        assertThat(WebhookVerifier.forSecret(secret).matches(delivered.header("webhook-id"),
                delivered.header("webhook-timestamp"), delivered.header("webhook-signature"), delivered.body())).isTrue();
        assertThat(orders.ordersOf("ada@example.com")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aRolledBackOrderLeavesNeitherOrderNorEvent() throws Exception {
        assertThatThrownBy(() -> orders.placeOrderThenFail("bob@example.com", 999))
                .isInstanceOf(OrderService.PaymentRefusedException.class);
        assertThat(orders.ordersOf("bob@example.com")).isZero();

        // An order placed after the failed one through the shop's own HTTP API arrives; had the failed
        // one left an event, it would have been queued first and delivered too.
        String next = shopPost("/orders?customer=cy%40example.com&total_cents=100").path("order_id").asText();
        receiver.await(r -> next.equals(r.data().optionalString("order_id").orElse(null)), "order_placed for " + next, WAIT);
        assertThat(receiver.received()).extracting(r -> r.data().string("customer"))
                .containsExactlyInAnyOrder("ada@example.com", "cy@example.com");
        assertThat(api("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null, 200).path("total").asInt())
                .isEqualTo(2);
    }

    @Test
    @Order(4)
    void theHealthIndicatorShowsTheHostInActuatorsHealth() throws Exception {
        assertThat(plugboardHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(plugboardHealthIndicator.health().getDetails()).containsEntry("status", "ok")
                .containsEntry("instance_id", plugboard.instanceId());
        JsonNode actuator = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + shopPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(actuator.path("components").path("plugboard").path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(5)
    void theHostsMetersShowInTheApplicationsRegistryAlsoThoseMadeAfterBinding() {
        // A gauge the host registered at start, read through from the host's registry.
        assertThat(meters.get("plugboard.queue.depth").gauge().value()).isGreaterThanOrEqualTo(0.0);

        // Outside a transaction the emitter emits on its own; the host counts it on this thread, in a
        // counter made now, after the binding.
        String id = events.emit("order_placed", Map.of("order_id", "ord_manual", "customer", "ops@example.com",
                "total_cents", 1));
        assertThat(id).startsWith("evt_");
        double hostCount = plugboard.meterRegistry().get("plugboard.events.emitted").tag("type", "order_placed")
                .counter().count();
        assertThat(hostCount).isGreaterThanOrEqualTo(1.0);
        assertThat(meters.get("plugboard.events.emitted").tag("type", "order_placed").functionCounter().count())
                .isEqualTo(hostCount);
    }

    private JsonNode api(String method, String path, Object body, int expectedStatus) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(plugboard.baseUrl() + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private JsonNode shopPost(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shopPort + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
