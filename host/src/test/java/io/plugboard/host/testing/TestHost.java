package io.plugboard.host.testing;

import io.plugboard.host.Plugboard;
import io.plugboard.sdk.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private final Path pluginsDir;
    private final Path dataDir;
    private final Plugboard host;
    private final Http http;

    private TestHost(Path pluginsDir, Path dataDir) {
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
                .build()
                .start();
        this.http = new Http(host.baseUrl());
    }

    /** Starts a host on fresh folders with no plugins. */
    public static TestHost start() {
        return start(tempDir("plugins"));
    }

    /** Starts a host that loads the jars already written to {@code pluginsDir}. */
    public static TestHost start(Path pluginsDir) {
        return new TestHost(pluginsDir, tempDir("data"));
    }

    /** Starts a host on the given folders, e.g. to reopen a database. */
    public static TestHost start(Path pluginsDir, Path dataDir) {
        return new TestHost(pluginsDir, dataDir);
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
