package io.plugboard.host.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the host sets on a connection it borrows from the application's pool, and puts back before
 * returning it, so the application's own use of the connection is never changed: on PostgreSQL the
 * host's schema; on SQLite enforced foreign keys (the host's deletes cascade) and a busy timeout.
 */
public interface ConnectionScope {

    /** A scope that sets nothing (the host's own pool is configured for it). */
    ConnectionScope NONE = connection -> () -> { };

    /**
     * Applies the host's settings to the connection.
     *
     * @return what puts the connection's own settings back
     */
    Restore apply(Connection connection) throws SQLException;

    /** Puts back what {@link #apply} changed. */
    interface Restore extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /** The host's tables in their own schema. */
    static ConnectionScope schema(String schema) {
        return connection -> {
            String before = connection.getSchema();
            if (schema.equals(before)) {
                return () -> { };
            }
            connection.setSchema(schema);
            return () -> connection.setSchema(before);
        };
    }

    /** Foreign keys on and a busy timeout of at least 10 s, for an application's SQLite connection. */
    static ConnectionScope sqlite() {
        return connection -> {
            boolean keys = pragma(connection, "foreign_keys") == 1;
            long timeout = pragma(connection, "busy_timeout");
            if (!keys) {
                execute(connection, "PRAGMA foreign_keys = ON");
            }
            if (timeout < 10_000) {
                execute(connection, "PRAGMA busy_timeout = 10000");
            }
            return () -> {
                if (!keys) {
                    execute(connection, "PRAGMA foreign_keys = OFF");
                }
                if (timeout < 10_000) {
                    execute(connection, "PRAGMA busy_timeout = " + timeout);
                }
            };
        };
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
