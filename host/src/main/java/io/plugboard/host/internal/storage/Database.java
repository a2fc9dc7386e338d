package io.plugboard.host.internal.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plugboard.host.internal.common.Threads;
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
 * The host's database, pooled, migrated by Flyway at open, used through Jdbi: by default an SQLite
 * file in the data directory (WAL mode), or a shared PostgreSQL database. Both run the same
 * migrations, from {@code db/migration/common}. Closing it releases every connection.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String FILE_NAME = "plugboard.db";
    static final String MIGRATIONS = "classpath:db/migration/common";

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final ScheduledExecutorService checkpointer;
    private final GroupCommit groupCommit;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        if (dialect == Dialect.SQLITE) {
            ReentrantLock writeLock = new ReentrantLock();
            jdbi.setTransactionHandler(new SerializedWrites(new LocalTransactionHandler(), writeLock));
            groupCommit = new GroupCommit(jdbi, writeLock::isHeldByCurrentThread);
            // Checkpoints run here, not inside whichever commit crosses the WAL threshold (that commit
            // could be an emit, whose latency matters).
            checkpointer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("plugboard-checkpoint"));
            checkpointer.scheduleWithFixedDelay(() -> checkpoint("PASSIVE"), 1, 1, TimeUnit.SECONDS);
        } else {
            checkpointer = null;
            groupCommit = new GroupCommit(jdbi, () -> false);
        }
    }

    /** Opens the shared database when one is configured, else the SQLite file in {@code dataDir}. */
    public static Database open(DatabaseSettings shared, Path dataDir) {
        return shared == null ? openSqlite(dataDir) : openPostgres(shared);
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
        Database db = migrated(new HikariDataSource(pool), Dialect.SQLITE);
        log.info("Database ready at {}", file.toAbsolutePath());
        return db;
    }

    /** Connects to a shared PostgreSQL database and brings its schema up to date. */
    public static Database openPostgres(DatabaseSettings settings) {
        PostgresDriver.require(settings.safeUrl());
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            pool.setUsername(settings.user());
        }
        if (settings.password() != null) {
            pool.setPassword(settings.password());
        }
        pool.setPoolName("plugboard-postgresql");
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(2);
        pool.setConnectionTimeout(10_000);
        HikariDataSource source;
        try {
            source = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the database at " + settings.safeUrl() + ": "
                    + e.getMessage(), e);
        }
        Database db = migrated(source, Dialect.POSTGRESQL);
        log.info("Database ready at {} (PostgreSQL)", settings.safeUrl());
        return db;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** @return where concurrent emits share transactions */
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** @return the pool, for tools that take a DataSource (the plugins' own Flyway migrations) */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.shutdownNow();
            checkpoint("TRUNCATE");
        }
        dataSource.close();
    }

    private void checkpoint(String mode) {
        try {
            jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(" + mode + ")").mapToMap().list());
        } catch (RuntimeException e) {
            log.warn("WAL checkpoint ({}) failed: {}", mode, e.toString());
        }
    }

    private static Database migrated(HikariDataSource dataSource, Dialect dialect) {
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .placeholders(dialect.placeholders())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Applied {} database migration(s); schema is now at version {}",
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
            return new Database(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
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
