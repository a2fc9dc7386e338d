package io.plugboard.host.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import io.plugboard.sdk.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real host for a test: its own temporary plugins and data folders, a free port, and two event
 * types of its own ({@code order_placed} with a schema, {@code ping} without).
 */
public final class TestHost implements AutoCloseable {

    public static final String ORDER_SAMPLE = "{\"order_id\":\"ord_1\",\"total\":\"12.50\",\"customer\":{\"email\":\"a@example.com\"}}";
    public static final String ORDER_SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "required": ["order_id", "total"],
             "properties": {"order_id": {"type": "string"}, "total": {"type": "string", "pattern": "^[0-9]+\\\\.[0-9]{2}$"}}}
            """;

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "correct horse battery staple";

    private final Path pluginsDir;
    private final Path dataDir;
    private final Plugboard host;
    private final Http http;

    /** A schedule that makes retries take milliseconds, for tests. */
    public static final DeliverySettings FAST = DeliverySettings.defaults().toBuilder()
            .retrySchedule(List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50)))
            .jitter(0)
            .requestTimeout(Duration.ofSeconds(3))
            .drainTimeout(Duration.ofSeconds(2))
            .build();

    private TestHost(Path pluginsDir, Path dataDir, DeliverySettings delivery) {
        this.pluginsDir = pluginsDir;
        this.dataDir = dataDir;
        this.host = Plugboard.builder()
                .pluginsDir(pluginsDir)
                .dataDir(dataDir)
                .port(0)
                .siteName("Test Site")
                .eventType(EventType.builder("order_placed").name("Order placed").group("Shop")
                        .description("An order was placed.").sample(ORDER_SAMPLE).schema(ORDER_SCHEMA).build())
                .eventType(EventType.builder("ping").name("Ping").group("Shop").sample("{\"n\":1}").build())
                .delivery(delivery)
                // Tests deliver to receivers on 127.0.0.1; TestTargetGuard checks the guard itself.
                .allowPrivateTargets(true)
                .adminUser(ADMIN, PASSWORD)
                .build()
                .start();
        this.http = Http.authenticated(host.baseUrl(), ADMIN, PASSWORD);
    }

    /** Starts a host on fresh folders with no plugins. */
    public static TestHost start() {
        return start(tempDir("plugins"));
    }

    /** Starts a host that loads the jars already written to {@code pluginsDir}. */
    public static TestHost start(Path pluginsDir) {
        return new TestHost(pluginsDir, tempDir("data"), FAST);
    }

    /** Starts a host on fresh folders with the given delivery settings. */
    public static TestHost start(DeliverySettings delivery) {
        return new TestHost(tempDir("plugins"), tempDir("data"), delivery);
    }

    /** Starts a host on the given folders, e.g. to reopen a database. */
    public static TestHost start(Path pluginsDir, Path dataDir) {
        return new TestHost(pluginsDir, dataDir, FAST);
    }

    /** Creates a webhook through the API and returns its JSON. */
    public JsonNode createWebhook(String name, String url, String... events) {
        Http.Response r = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", name, "url", url,
                "events", List.of(events))));
        if (r.status() != 201) {
            throw new AssertionError("could not create webhook: " + r.body());
        }
        return r.json();
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("plugboard-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Plugboard host() {
        return host;
    }

    public Http http() {
        return http;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    @Override
    public void close() {
        host.close();
    }
}
