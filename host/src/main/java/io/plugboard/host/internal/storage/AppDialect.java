package io.plugboard.host.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which of the host's two databases an application's {@link DataSource} is, asked of the driver. */
final class AppDialect {

    private AppDialect() {}

    static Dialect of(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect through the application's DataSource: " + e.getMessage(), e);
        }
        if ("SQLite".equalsIgnoreCase(product)) {
            return Dialect.SQLITE;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalStateException("Plugboard stores its data in SQLite or PostgreSQL; the application's "
                + "DataSource is " + product);
    }
}
