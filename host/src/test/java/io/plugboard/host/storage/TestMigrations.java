package io.plugboard.host.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.Dialect;
import io.plugboard.host.testing.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One set of migrations for both databases: every script in {@code db/migration/common} applies (on
 * SQLite, and on PostgreSQL in the PostgreSQL run), and none hides in a per-database folder.
 */
class TestMigrations {

    @Test
    void everyMigrationAppliesAndTheSchemaHasWhatTheHostUses() throws Exception {
        List<String> scripts = scripts();
        assertThat(scripts).isNotEmpty();
        try (Database db = TestDatabases.openDatabase()) {
            List<String> applied = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                    .mapTo(String.class).list());
            assertThat(applied).as("every script, each once, all successful").containsExactlyInAnyOrderElementsOf(scripts);
            for (String table : List.of("webhooks", "webhook_events", "events", "deliveries", "delivery_attempts",
                    "admin_users", "admin_sessions", "api_tokens", "instances", "instance_plugins", "job_leases",
                    "inspector_inboxes", "inspector_requests")) {
                long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class).one());
                assertThat(rows).as(table).isZero();
            }
            long leased = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM deliveries WHERE lease_owner IS NULL AND lease_expires_at IS NULL")
                    .mapTo(Long.class).one());
            assertThat(leased).as("the lease columns exist").isZero();
        }
    }

    @Test
    void scriptsLiveInTheCommonFolderOnly() {
        assertThat(getClass().getClassLoader().getResource("db/migration/sqlite"))
                .as("a script in db/migration/sqlite would never run on PostgreSQL; put it in db/migration/common")
                .isNull();
        assertThat(getClass().getClassLoader().getResource("db/migration/postgresql")).isNull();
    }

    @Test
    void bothDialectsDefineTheSamePlaceholders() {
        assertThat(Dialect.POSTGRESQL.placeholders().keySet()).isEqualTo(Dialect.SQLITE.placeholders().keySet());
    }

    private List<String> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource("db/migration/common").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList();
        }
    }
}
