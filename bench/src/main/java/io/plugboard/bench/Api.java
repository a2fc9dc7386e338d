package io.plugboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.Plugboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's REST API as the benchmark uses it: set-up calls with the admin's credentials, to a host
 * in this JVM or, by base URL, to the sample site running in another.
 */
final class Api {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {}

    /** Creates a webhook for the bench event type; {@code fields} adds to or overrides name, url and events. */
    static JsonNode webhook(Plugboard host, String name, String url, Map<String, ?> fields) throws Exception {
        return webhook(host.baseUrl(), name, url, fields);
    }

    static JsonNode webhook(String baseUrl, String name, String url, Map<String, ?> fields) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("url", url);
        body.put("events", List.of("bench"));
        body.putAll(fields);
        return post(baseUrl, "/api/v1/webhooks", body, 201);
    }

    static JsonNode post(Plugboard host, String path, Object body, int expected) throws Exception {
        return post(host.baseUrl(), path, body, expected);
    }

    static JsonNode post(String baseUrl, String path, Object body, int expected) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json").header("Authorization", basicAuth())
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode get(Plugboard host, String path) throws Exception {
        return get(host.baseUrl(), path);
    }

    static JsonNode get(String baseUrl, String path) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basicAuth()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** @return headers with a fresh admin API token of the host at {@code baseUrl}, as a script sends them */
    static Map<String, String> bearer(String baseUrl) throws Exception {
        String token = post(baseUrl, "/api/v1/tokens", Map.of("name", "bench", "scope", "admin"), 201).get("value").asText();
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    /** Waits until the webhook has no pending delivery (at most two minutes), so a measurement starts alone. */
    static void awaitDrained(String baseUrl, String webhook) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (get(baseUrl, "/api/v1/webhooks/" + webhook + "/stats").get("pending").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("webhook " + webhook + " still had pending deliveries after two minutes");
            }
            Thread.sleep(50);
        }
    }

    /**
     * POSTs {@code events} single emits (64 in flight) and waits until the receiver has acknowledged
     * {@code deliveries}; the receiver's count starts at zero.
     *
     * @return deliveries/s from the first emit to the last acknowledgement
     */
    static double emitUntilDelivered(BenchReceiver receiver, String emitUrl, byte[] event, int events, long deliveries,
                                     Map<String, String> headers) throws Exception {
        receiver.reset();
        long start = System.nanoTime();
        if (RawCeiling.run(emitUrl, event, events, RestEmitBench.IN_FLIGHT, headers) <= 0) {
            throw new IllegalStateException("no event was accepted by POST " + emitUrl);
        }
        long done = receiver.awaitCount(deliveries, 180_000);
        return deliveries / ((done - start) / 1e9);
    }

    static String basicAuth() {
        String pair = DeliveryBench.ADMIN + ":" + DeliveryBench.PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
