package io.plugboard.host.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The host on the application's own database and pool: its tables beside the application's, one
 * transaction for an order and its event, the application's connections handed back as they were,
 * and the pool still the application's after the host closes.
 */
class TestAppDataSource {

    @Test
    void onTheApplicationsSqliteFileAnOrderAndItsEventCommitOrRollBackTogether() throws Exception {
        Path appFile = TestHost.tempDir("app").resolve("shop.db");
        try (HikariDataSource app = sqlitePool(appFile); Receiver receiver = new Receiver()) {
            execute(app, "CREATE TABLE orders (id TEXT PRIMARY KEY)");
            Path data = TestHost.tempDir("data");
            try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), data,
                    b -> b.dataSource(app))) {
                host.createWebhook("Orders", receiver.url("/orders"), "ping");
                assertOrderAndEventShareTheTransaction(host.host(), app, receiver);
                assertThat(Files.exists(data.resolve("plugboard.db"))).as("no file of the host's own").isFalse();
                assertThat(tables(app, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?"))
                        .as("Flyway's record of the host's migrations, beside any of the application's")
                        .isEqualTo("plugboard_schema_history=1, flyway_schema_history=0");
            }
            assertThat(count(app, "SELECT COUNT(*) FROM orders")).as("the pool is still the application's").isEqualTo(1);
            // All three connections of the pool at once, each as the host handed it back.
            try (Connection a = app.getConnection(); Connection b = app.getConnection(); Connection c = app.getConnection()) {
                for (Connection each : new Connection[] {a, b, c}) {
                    try (Statement s = each.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("the application's setting, put back").isZero();
                    }
                }
            }
        }
    }

    @Test
    void onTheApplicationsPostgresqlTheHostKeepsToItsSchemaAndPutsTheConnectionsBack() throws Exception {
        String appUrl = TestDatabases.freshSchema();
        String appSchema = appUrl.substring(appUrl.indexOf("currentSchema=") + "currentSchema=".length());
        String hostSchema = appSchema + "_host";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(appUrl);
        config.setMaximumPoolSize(3);
        try (HikariDataSource app = new HikariDataSource(config); Receiver receiver = new Receiver()) {
            execute(app, "CREATE TABLE orders (id TEXT PRIMARY KEY)");
            try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                    b -> b.dataSource(app, hostSchema))) {
                host.createWebhook("Orders", receiver.url("/orders"), "ping");
                assertOrderAndEventShareTheTransaction(host.host(), app, receiver);
                assertThat(count(app, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                        + hostSchema + "' AND table_name IN ('events', 'deliveries', 'plugboard_schema_history')"))
                        .isEqualTo(3);
                assertThat(count(app, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                        + appSchema + "' AND table_name <> 'orders'")).as("nothing of the host's beside the orders")
                        .isZero();
                for (int i = 0; i < 5; i++) { // every connection of the pool, as the application gets it back
                    try (Connection c = app.getConnection()) {
                        assertThat(c.getSchema()).isEqualTo(appSchema);
                    }
                }
            }
        }
    }

    @Test
    void aSchemaIsRefusedForSqliteAndAnUnsupportedDatabaseIsNamed() {
        assertThatThrownBy(() -> Plugboard.builder().dataSource(new SQLiteDataSource(), "Bad-Name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case letters");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + TestHost.tempDir("app").resolve("x.db"));
        try (Plugboard host = Plugboard.builder().pluginsDir(TestHost.tempDir("plugins")).dataDir(TestHost.tempDir("data"))
                .port(0).dataSource(sqlite, "plugboard").build()) {
            assertThatThrownBy(host::start).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a schema is for PostgreSQL; the application's DataSource is SQLite");
        }
    }

    private static void assertOrderAndEventShareTheTransaction(Plugboard host, javax.sql.DataSource app, Receiver receiver)
            throws Exception {
        try (Connection c = app.getConnection()) {
            String schema = c.getSchema();
            c.setAutoCommit(false);
            insertOrder(c, "o-rolled-back");
            String rolledBack = host.emitInTransaction(c, "ping", Map.of("n", 1));
            c.rollback();
            insertOrder(c, "o-1");
            String committed = host.emitInTransaction(c, "ping", Map.of("n", 2));
            c.commit();
            assertThat(c.getSchema()).as("the application's connection as it was before the emit").isEqualTo(schema);
            Receiver.Request got = receiver.next(Duration.ofSeconds(10));
            assertThat(got.header("webhook-id")).isEqualTo(committed);
            assertThat(got.bodyText()).contains("\"n\":2");
            assertThat(count(app, "SELECT COUNT(*) FROM orders")).isEqualTo(1);
            assertThat(host.health().problems()).isEmpty();
            assertThat(rolledBack).isNotEqualTo(committed);
        }
    }

    private static void insertOrder(Connection c, String id) throws SQLException {
        try (var insert = c.prepareStatement("INSERT INTO orders (id) VALUES (?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
    }

    private static HikariDataSource sqlitePool(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + file);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(3);
        config.setPoolName("shop-" + UUID.randomUUID());
        return new HikariDataSource(config);
    }

    private static String tables(javax.sql.DataSource ds, String sql) throws SQLException {
        StringBuilder found = new StringBuilder();
        for (String name : new String[] {"plugboard_schema_history", "flyway_schema_history"}) {
            try (Connection c = ds.getConnection(); var q = c.prepareStatement(sql)) {
                q.setString(1, name);
                int n = 0;
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                found.append(found.length() == 0 ? "" : ", ").append(name).append('=').append(n);
            }
        }
        return found.toString();
    }

    private static void execute(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
