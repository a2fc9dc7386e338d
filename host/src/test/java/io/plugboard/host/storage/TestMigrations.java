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
 * One set of migrations for both databases: every script in {@code io/plugboard/host/migration} applies (on
 * SQLite, and on PostgreSQL in the PostgreSQL run), none hides in a per-database folder, and none is
 * where an application's own Flyway would find it.
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
    void scriptsLiveInTheHostsOwnFolderOnly() {
        assertThat(getClass().getClassLoader().getResource("io/plugboard/host/migration/sqlite"))
                .as("a script for SQLite only would never run on PostgreSQL; put it in io/plugboard/host/migration")
                .isNull();
        assertThat(getClass().getClassLoader().getResource("io/plugboard/host/migration/postgresql")).isNull();
        assertThat(getClass().getClassLoader().getResource("db/migration"))
                .as("db/migration is where an application's Flyway (Spring Boot's default) looks, sub-folders too")
                .isNull();
    }

    @Test
    void bothDialectsDefineTheSamePlaceholders() {
        assertThat(Dialect.POSTGRESQL.placeholders().keySet()).isEqualTo(Dialect.SQLITE.placeholders().keySet());
    }

    private List<String> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource("io/plugboard/host/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList();
        }
    }
}
