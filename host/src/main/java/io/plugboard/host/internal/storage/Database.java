package io.plugboard.host.internal.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.common.Workers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The host's database, pooled, migrated by Flyway at open, used through Jdbi: by default an SQLite
 * file in the data directory (WAL mode), or a shared PostgreSQL database, or the application's own
 * database through its {@link DataSource} ({@link AppDatabase}). All run the same migrations, from
 * {@code io/plugboard/host/migration}. Closing it releases every connection of the host's own pool; the
 * application's pool is the application's to close.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String FILE_NAME = "plugboard.db";
    /**
     * Not under {@code db/migration}: an application's own Flyway (Spring Boot's default location) scans
     * that folder with its sub-folders and would run the host's scripts into its own history.
     */
    static final String MIGRATIONS = "classpath:io/plugboard/host/migration";
    /** Flyway's history table in the host's own database (the name Flyway gives it by default). */
    static final String OWN_HISTORY = "flyway_schema_history";
    /** Flyway's history table in the application's database, beside the application's own Flyway table. */
    static final String APP_HISTORY = "plugboard_schema_history";

    private final DataSource dataSource;
    private final AutoCloseable pool;
    private final ConnectionScope scope;
    private final Dialect dialect;
    private final Jdbi jdbi;
    /** True for the host's own SQLite file, whose WAL the host checkpoints (SQLite's own are off). */
    private final boolean checkpointsWal;
    private PeriodicWorker checkpointer;
    private final GroupCommit groupCommit;

    private Database(DataSource dataSource, Dialect dialect, AutoCloseable pool, ConnectionScope scope,
                     boolean ownsFile) {
        this.dataSource = dataSource;
        this.pool = pool;
        this.scope = scope;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        if (dialect == Dialect.SQLITE) {
            ReentrantLock writeLock = new ReentrantLock();
            jdbi.setTransactionHandler(new SerializedWrites(new LocalTransactionHandler(), writeLock));
            groupCommit = new GroupCommit(jdbi, writeLock::isHeldByCurrentThread);
        } else {
            groupCommit = new GroupCommit(jdbi, () -> false);
        }
        this.checkpointsWal = dialect == Dialect.SQLITE && ownsFile;
    }

    /**
     * Starts the WAL checkpoints of the host's own SQLite file, every second on a supervised worker
     * ({@code checkpoint}): here, not inside whichever commit crosses SQLite's threshold (that commit
     * could be an emit, whose latency matters). Nothing for PostgreSQL or an application's SQLite file,
     * which keeps its own. {@link #close()} runs a last, truncating one either way.
     */
    public void startCheckpoints(Workers workers) {
        if (checkpointsWal && checkpointer == null) {
            checkpointer = workers.periodic("checkpoint", "plugboard-checkpoint");
            checkpointer.start(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> checkpoint("PASSIVE"));
        }
    }

    /** Opens the shared database when one is configured, else the SQLite file in {@code dataDir}. */
    public static Database open(DatabaseSettings shared, Path dataDir) {
        return shared == null ? openSqlite(dataDir) : openPostgres(shared);
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database openSqlite(Path dataDir) {
        Path file = PrivateFiles.file(PrivateFiles.directory(dataDir).resolve(FILE_NAME));
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
        HikariDataSource source = new HikariDataSource(pool);
        Database db = migrated(source, source, Dialect.SQLITE, null, OWN_HISTORY, ConnectionScope.NONE, true);
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
        Database db = migrated(source, source, Dialect.POSTGRESQL, null, OWN_HISTORY, ConnectionScope.NONE, false);
        log.info("Database ready at {} (PostgreSQL)", settings.safeUrl());
        return db;
    }

    /**
     * Uses the application's database: its tables and the host's side by side, in the application's
     * pool, so an emit can join the application's transaction on its own tables. Flyway's history of
     * the host's migrations is {@value #APP_HISTORY}, beside any history table of the application's.
     */
    public static Database openApp(AppDatabase app) {
        Dialect dialect = AppDialect.of(app.dataSource());
        if (dialect == Dialect.SQLITE && app.schema() != null) {
            throw new IllegalArgumentException("a schema is for PostgreSQL; the application's DataSource is SQLite");
        }
        ConnectionScope scope = dialect == Dialect.SQLITE ? ConnectionScope.sqlite()
                : app.schema() != null ? ConnectionScope.schema(app.schema()) : ConnectionScope.NONE;
        DataSource source = scope == ConnectionScope.NONE ? app.dataSource() : new ScopedDataSource(app.dataSource(), scope);
        Database db = migrated(source, () -> { }, dialect, app.schema(), APP_HISTORY, scope, false);
        log.info("Database ready: the application's {} database{}", dialect == Dialect.SQLITE ? "SQLite" : "PostgreSQL",
                app.schema() == null ? "" : ", schema " + app.schema());
        return db;
    }

    /**
     * Applies to a connection of the application's (in {@code emitInTransaction}) what the host's
     * statements need, e.g. its schema.
     *
     * @return what puts the connection's own settings back
     */
    public ConnectionScope.Restore scopeOn(Connection connection) throws SQLException {
        return scope.apply(connection);
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
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (checkpointsWal) {
            try {
                checkpoint("TRUNCATE");
            } catch (RuntimeException e) {
                log.warn("The last WAL checkpoint failed; the WAL file stays beside the database: {}", e.toString());
            }
        }
        closePool(pool);
    }

    private static void closePool(AutoCloseable pool) {
        try {
            pool.close();
        } catch (Exception e) {
            log.warn("Closing the database pool failed: {}", e.toString());
        }
    }

    private void checkpoint(String mode) {
        jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(" + mode + ")").mapToMap().list());
    }

    private static Database migrated(DataSource dataSource, AutoCloseable pool, Dialect dialect, String schema,
                                     String historyTable, ConnectionScope scope, boolean ownsFile) {
        try {
            var flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .placeholders(dialect.placeholders())
                    .table(historyTable)
                    .failOnMissingLocations(true);
            if (schema != null) {
                flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
            }
            if (historyTable.equals(APP_HISTORY)) {
                // The application's database already holds its own tables: that is no reason to refuse.
                flyway.baselineOnMigrate(true).baselineVersion("0");
            }
            var result = flyway.load().migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Applied {} database migration(s); schema is now at version {}",
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
            return new Database(dataSource, dialect, pool, scope, ownsFile);
        } catch (RuntimeException e) {
            closePool(pool);
            throw e;
        }
    }
}
