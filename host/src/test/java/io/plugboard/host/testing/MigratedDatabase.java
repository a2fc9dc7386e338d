package io.plugboard.host.testing;

import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An SQLite database at the current schema and nothing else, made once per test JVM by the host's own
 * migrations, and copied into a test host's new data folder. Running the migrations was the largest part
 * of a test host's start (Flyway parses and applies every script); the migrations themselves are tested
 * from scratch by {@code TestMigrations}, {@code TestEmbedding} and every host not started by {@link TestHost}.
 */
final class MigratedDatabase {

    private static final String FILE_NAME = "plugboard.db";
    private static Path template;

    private MigratedDatabase() {}

    /** Puts a migrated database into {@code dataDir} unless it already holds one (a host reopened on it). */
    static void copyInto(Path dataDir) {
        Path target = dataDir.resolve(FILE_NAME);
        if (Files.exists(target)) {
            return;
        }
        try {
            // A copy keeps the template's owner-only permissions, as PrivateFiles would have made them.
            Files.copy(template(), PrivateFiles.directory(dataDir).resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path template() {
        if (template == null) {
            Path dir = TestHost.tempDir("migrated");
            // Closing checkpoints the WAL into the file, so the file alone is the whole database.
            Database.openSqlite(dir).close();
            template = dir.resolve(FILE_NAME);
        }
        return template;
    }
}
