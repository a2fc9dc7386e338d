package io.plugboard.host.internal.storage;

import com.zaxxer.hikari.HikariConfig;
import io.plugboard.host.internal.Threads;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The host's database: an SQLite file in the data directory (WAL mode), pooled, migrated by Flyway
 * at open, used through Jdbi. Closing it releases every connection and the file.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String FILE_NAME = "plugboard.db";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ScheduledExecutorService checkpointer =
            Executors.newSingleThreadScheduledExecutor(Threads.daemon("plugboard-checkpoint"));

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.setTransactionHandler(new SerializedWrites(new LocalTransactionHandler(), new ReentrantLock()));
        // Checkpoints run here, not inside whichever commit crosses the WAL threshold (that commit
        // could be an emit, whose latency matters).
        checkpointer.scheduleWithFixedDelay(() -> checkpoint("PASSIVE"), 1, 1, TimeUnit.SECONDS);
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database openSqlite(Path dataDir) {
        Path file = createDir(dataDir).resolve(FILE_NAME);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        SQLiteDataSource sqliteSource = new SQLiteDataSource(sqlite);
        sqliteSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteSource);
        pool.setPoolName("plugboard-sqlite");
        // SQLite serialises writers anyway; a few connections let readers run beside one writer.
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        pool.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            migrate(dataSource, "classpath:db/migration/sqlite");
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        log.info("Database ready at {}", file.toAbsolutePath());
        return new Database(dataSource);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        checkpointer.shutdownNow();
        checkpoint("TRUNCATE");
        dataSource.close();
    }

    private void checkpoint(String mode) {
        try {
            jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(" + mode + ")").mapToMap().list());
        } catch (RuntimeException e) {
            log.warn("WAL checkpoint ({}) failed: {}", mode, e.toString());
        }
    }

    private static void migrate(HikariDataSource dataSource, String location) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Applied {} database migration(s); schema is now at version {}",
                    result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    private static Path createDir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath(), e);
        }
    }
}
