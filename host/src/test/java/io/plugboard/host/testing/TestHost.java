package io.plugboard.host.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.InternalConfigs;
import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.sdk.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real host for a test: its own temporary plugins and data folders, a free port, and two event
 * types of its own ({@code order_placed} with a schema, {@code ping} without). Its database is the
 * SQLite file in the data folder, or, in the PostgreSQL run ({@link TestDatabases#postgresMode()}),
 * a PostgreSQL schema of its own (the same one whenever it is reopened on the same data folder).
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
    private final String databaseUrl;
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
        this(pluginsDir, dataDir, delivery, TestDatabases.postgresMode() ? TestDatabases.schemaFor(dataDir) : null, null,
                builder -> builder);
    }

    private TestHost(Path pluginsDir, Path dataDir, DeliverySettings delivery, String databaseUrl, String instanceId,
                     UnaryOperator<PlugboardBuilder> customize) {
        this.pluginsDir = pluginsDir;
        this.dataDir = dataDir;
        this.databaseUrl = databaseUrl;
        // Cheap Argon2id: every test host creates an admin and checks its password (TestPasswordHashing checks the real cost).
        PlugboardBuilder builder = InternalConfigs.cheapPasswordHashing(Plugboard.builder());
        if (databaseUrl != null) {
            builder.database(databaseUrl, null, null);
        }
        if (instanceId != null) {
            builder.instanceId(instanceId);
        }
        PlugboardBuilder customized = customize.apply(builder
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
                .adminUser(ADMIN, PASSWORD));
        if (InternalConfigs.ownSqliteFile(customized)) {
            MigratedDatabase.copyInto(dataDir);
        }
        this.host = customized.build().start();
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

    /** Starts a host on the given folders with more builder settings (e.g. development plugins). */
    public static TestHost start(Path pluginsDir, Path dataDir, UnaryOperator<PlugboardBuilder> customize) {
        return new TestHost(pluginsDir, dataDir, FAST,
                TestDatabases.postgresMode() ? TestDatabases.schemaFor(dataDir) : null, null, customize);
    }

    /**
     * Starts an instance on a PostgreSQL database shared with other instances.
     *
     * @param databaseUrl e.g. from {@link TestDatabases#freshSchema()}
     * @param instanceId its id, or null for a random one
     */
    public static TestHost onPostgres(String databaseUrl, String instanceId, Path pluginsDir, DeliverySettings delivery) {
        return onPostgres(databaseUrl, instanceId, pluginsDir, delivery, builder -> builder);
    }

    /** Like {@link #onPostgres(String, String, Path, DeliverySettings)}, with more builder settings. */
    public static TestHost onPostgres(String databaseUrl, String instanceId, Path pluginsDir, DeliverySettings delivery,
                                      UnaryOperator<PlugboardBuilder> customize) {
        return new TestHost(pluginsDir, tempDir("data"), delivery, databaseUrl, instanceId, customize);
    }

    /** @return a new connection to this host's database (the caller closes it) */
    public Connection connection() throws SQLException {
        return TestDatabases.connect(databaseUrl, dataDir);
    }

    /** @return a new connection to the database of a host started on {@code dataDir}, now or before */
    public static Connection connection(Path dataDir) throws SQLException {
        return TestDatabases.connect(TestDatabases.postgresMode() ? TestDatabases.schemaFor(dataDir) : null, dataDir);
    }

    /** @return true if this host runs on PostgreSQL */
    public boolean onPostgres() {
        return databaseUrl != null;
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
