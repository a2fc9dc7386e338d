package io.plugboard.host.testing;

import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.DatabaseSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Which database tests run on. {@code -Dplugboard.test.postgres=jdbc:postgresql://…} names a real
 * PostgreSQL server (set by {@code .ci/run}); {@code -Dplugboard.test.database=postgresql} (the
 * surefire execution {@code storage-on-postgresql}) makes {@link TestHost} use it instead of SQLite.
 * Each test gets its own schema, dropped when the test JVM exits. Without a server, PostgreSQL tests
 * are skipped, loudly.
 */
public final class TestDatabases {

    public static final String URL_PROPERTY = "plugboard.test.postgres";
    public static final String MODE_PROPERTY = "plugboard.test.database";
    private static final String SKIPPED = "PostgreSQL tests SKIPPED: no server given. Run .ci/run, or add "
            + "-D" + URL_PROPERTY + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** Schemas this JVM created, dropped when it exits. */
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static final Thread DROPPER = new Thread(TestDatabases::dropAll, "drop-test-schemas");
    private static volatile boolean warned;

    static {
        Runtime.getRuntime().addShutdownHook(DROPPER);
    }

    private TestDatabases() {}

    /** @return true when TestHost should use PostgreSQL */
    public static boolean postgresMode() {
        return "postgresql".equals(System.getProperty(MODE_PROPERTY));
    }

    /** @return the server's URL; skips the calling test (and says so on stderr) when there is none */
    public static String postgresUrl() {
        String url = System.getProperty(URL_PROPERTY, "").strip();
        if (url.isEmpty()) {
            if (!warned) {
                warned = true;
                System.err.println("\n*** " + SKIPPED + " ***\n");
            }
            Assumptions.abort(SKIPPED);
        }
        return url;
    }

    /** @return the URL of a new, empty schema on the PostgreSQL server (skips without a server) */
    public static String freshSchema() {
        return schema("pb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    }

    /** @return the URL of the schema kept for a data folder, so a host reopened on it finds its data */
    public static String schemaFor(java.nio.file.Path dataDir) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(dataDir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return schema("pb_" + HexFormat.of().formatHex(hash, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String schema(String name) {
        String server = postgresUrl();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on " + server + ": " + e.getMessage(), e);
        }
        CREATED.add(name);
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** @return a migrated database of the run's kind: a fresh PostgreSQL schema, or a new SQLite file */
    public static Database openDatabase() {
        return Database.open(postgresMode() ? new DatabaseSettings(freshSchema(), null, null) : null,
                TestHost.tempDir("data"));
    }

    /** @return a connection to the host's database: its PostgreSQL schema, else its SQLite file */
    public static Connection connect(String postgresUrl, java.nio.file.Path dataDir) throws SQLException {
        return postgresUrl != null ? DriverManager.getConnection(postgresUrl)
                : DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("plugboard.db"));
    }

    private static void dropAll() {
        String server = System.getProperty(URL_PROPERTY, "").strip();
        if (server.isEmpty() || CREATED.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test schemas: " + e.getMessage());
        }
    }
}
