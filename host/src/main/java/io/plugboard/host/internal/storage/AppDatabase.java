package io.plugboard.host.internal.storage;

import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The embedding application's own database, to hold the host's tables beside its own: its
 * {@link DataSource} (pool and all, which the host uses but never closes), SQLite or PostgreSQL, and on
 * PostgreSQL optionally a schema of the host's own.
 *
 * @param dataSource the application's data source
 * @param schema the PostgreSQL schema for the host's tables (created if missing), or null for the
 *     connections' own search path
 */
public record AppDatabase(DataSource dataSource, String schema) {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public AppDatabase {
        Objects.requireNonNull(dataSource, "dataSource");
        if (schema != null && !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("the schema must be 1 to 63 lower-case letters, digits or _, "
                    + "starting with a letter or _, not '" + schema + "'");
        }
    }
}
