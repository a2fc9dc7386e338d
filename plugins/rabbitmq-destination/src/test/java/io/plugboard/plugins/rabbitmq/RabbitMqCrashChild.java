package io.plugboard.plugins.rabbitmq;

import io.plugboard.host.Plugboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Runs in a child JVM for {@link ITRabbitMqCrash}: starts a host on the given folders, creates a webhook
 * to the given queue through the REST API, then emits events as fast as it can, printing {@code ACK <id>}
 * once each emit has returned. The test kills it with SIGKILL mid-burst.
 */
public final class RabbitMqCrashChild {

    private RabbitMqCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path plugins = Path.of(args[0]);
        Path data = Path.of(args[1]);
        String queue = args[2];
        int count = Integer.parseInt(args[3]);
        String password = "crash-" + System.nanoTime();
        Plugboard host = Plugboard.builder().pluginsDir(plugins).dataDir(data).bindHost("127.0.0.1").port(0)
                .eventType(ThroughHost.ORDER_PAID).delivery(ThroughHost.RETRIES)
                .adminUser("admin", password).build().start();
        createWebhook(host.baseUrl(), "admin:" + password, queue);
        System.out.println("READY");
        for (int i = 0; i < count; i++) {
            String id = host.events().emit(ThroughHost.EVENT, Map.of("order_id", "ord_" + i));
            System.out.println("ACK " + id);
        }
        System.out.println("DONE");
        // Stay alive (deliveries continue) until the test kills this process.
        Thread.currentThread().join();
    }

    private static void createWebhook(String baseUrl, String credentials, String queue) throws Exception {
        String body = "{\"name\":\"crash\",\"events\":[\"" + ThroughHost.EVENT + "\"],\"destination\":{\"type\":\"rabbitmq\","
                + "\"settings\":{\"uri\":\"" + TestBroker.URI + "\",\"username\":\"guest\",\"password\":\"guest\","
                + "\"exchange\":\"\",\"routing_key\":\"" + queue + "\"}}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/webhooks"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the webhook was not created: " + response.statusCode() + " " + response.body());
        }
    }
}
