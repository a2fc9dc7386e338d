package io.plugboard.host.internal.migrations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** The table {@code plugin_tables} (which plugin created which table), and the database's list of tables. */
final class PluginTables {

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final Clock clock;

    PluginTables(Jdbi jdbi, DataSource dataSource, Clock clock) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** @return the names of every table in the database */
    Set<String> all() {
        Set<String> names = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the database's tables", e);
        }
        return names;
    }

    void record(String pluginId, List<String> tables) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            int next = h.createQuery("SELECT COALESCE(MAX(position), 0) FROM plugin_tables WHERE plugin_id = :p")
                    .bind("p", pluginId).mapTo(Integer.class).one();
            for (String table : tables) {
                h.createUpdate("INSERT INTO plugin_tables (plugin_id, table_name, position, created_at) "
                                + "VALUES (:p, :t, :pos, :at) ON CONFLICT (plugin_id, table_name) DO NOTHING")
                        .bind("p", pluginId).bind("t", table).bind("pos", ++next).bind("at", now).execute();
            }
        });
    }

    /** @return the plugin's tables, newest first */
    List<String> of(String pluginId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT table_name FROM plugin_tables WHERE plugin_id = :p ORDER BY position DESC")
                .bind("p", pluginId).mapTo(String.class).list());
    }

    /** Drops the tables, in the order given (names were checked by the caller). */
    void drop(List<String> tables) {
        jdbi.useHandle(h -> {
            for (String table : tables) {
                h.execute("DROP TABLE IF EXISTS " + PluginMigrations.quoted(table));
            }
        });
    }

    void forget(String pluginId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM plugin_tables WHERE plugin_id = :p").bind("p", pluginId).execute());
    }
}
