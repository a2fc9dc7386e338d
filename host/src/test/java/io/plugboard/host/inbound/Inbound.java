package io.plugboard.host.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Helpers for the inbound tests: the reactor-built receiver plugin jars, creating inbound webhooks, posting to them. */
public final class Inbound {

    /** Where the host's build copies the receiver plugins (see host/pom.xml). */
    static final Path BUILT = Path.of("target", "receiver-plugins");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Inbound() {}

    /** @return a fresh plugins folder holding copies of the named receiver plugin jars */
    public static Path pluginsWith(String... artifacts) {
        Path dir = TestHost.tempDir("plugins");
        try {
            for (String artifact : artifacts) {
                Path jar = BUILT.resolve(artifact + ".jar");
                if (!Files.isRegularFile(jar)) {
                    throw new AssertionError(jar.toAbsolutePath() + " is missing: run the build through Maven (mvn verify)");
                }
                Files.copy(jar, dir.resolve(artifact + ".jar"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Creates an inbound webhook through the API; returns the 201 answer (with access_key and url). */
    public static JsonNode create(TestHost host, String name, String receiver, Map<String, ?> settings) {
        Http.Response r = host.http().postJson("/api/v1/inbound-webhooks",
                Http.json(Map.of("name", name, "receiver", receiver, "settings", settings)));
        if (r.status() != 201) {
            throw new AssertionError("could not create inbound webhook: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** POSTs a body, without credentials, as an external system would. */
    public static Http.Response post(String url, String body, Map<String, String> headers) {
        return post(url, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Http.Response post(String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode stats(TestHost host, String id) {
        return host.http().get("/api/v1/inbound-webhooks/" + id + "/stats").json();
    }
}
