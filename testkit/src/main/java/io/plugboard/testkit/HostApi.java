package io.plugboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The REST API ({@code /api/v1}) of the harness's host, with an API token of its admin: the
 * way to reach anything the facade does not offer (plugins, webhooks, deliveries, and what later
 * features add under {@code /api/v1/plugins/{id}/…}).
 */
public final class HostApi {

    /**
     * One answer of the API.
     *
     * @param status the HTTP status
     * @param body the body as text
     */
    public record Response(int status, String body) {

        /**
         * @return the body parsed as JSON
         * @throws AssertionError if it is not JSON
         */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the API did not answer JSON (" + status + "): " + body, e);
            }
        }

        /**
         * @param expected the status the call should have had
         * @return this response
         * @throws AssertionError with the body if the status differs
         */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private String authorization;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HostApi(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        // Basic once, to make a token: every Basic call costs an Argon2 verification, a token a SHA-256.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        String token = post("/api/v1/tokens", java.util.Map.of("name", "plugboard-testkit")).expect(201)
                .json().path("value").asText();
        this.authorization = "Bearer " + token;
    }

    /** @param path e.g. {@code /api/v1/plugins} @return the answer */
    public Response get(String path) {
        return send(request(path).GET());
    }

    /**
     * @param path the path
     * @param json the request body: a String is sent as it is, an SDK {@code JsonValue} as its JSON, anything
     *     else (maps, lists) as JSON
     * @return the answer
     */
    public Response post(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(json))));
    }

    /**
     * @param path the path
     * @param json the request body, as for {@link #post}
     * @return the answer
     */
    public Response patch(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(json))));
    }

    /**
     * @param path the path, e.g. {@code /api/v1/plugins/shipping/settings}
     * @param json the request body, as for {@link #post}
     * @return the answer
     */
    public Response put(String path, Object json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(json))));
    }

    /** @param path the path @return the answer */
    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, not " + path);
        }
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the host's API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the host's API", e);
        }
    }

    private static String write(Object json) {
        if (json instanceof String text) {
            return text;
        }
        if (json instanceof JsonValue value) {
            return value.toJson();
        }
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
    }
}
