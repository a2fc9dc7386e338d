package io.plugboard.host.internal.migrations;

import io.plugboard.host.internal.plugins.PluginListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plugin's own SQL migrations ({@code plugboard/migrations/V1__….sql} in its jar) with Flyway
 * when it starts, in its own history table {@code p_<id>_schema_history}. Every table a plugin
 * creates must be named {@code p_<id>_…} (the id in lower case, other characters as {@code _}): a
 * table outside the prefix fails the start, and what that run created is dropped again. The tables created are recorded in
 * {@code plugin_tables}, so uninstalling drops exactly those (and the history), never another
 * plugin's whose prefix merely begins the same way. One plugin migrates at a time.
 */
public final class PluginMigrations implements PluginListener {

    private static final Logger log = LoggerFactory.getLogger(PluginMigrations.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]{1,128}");

    private final DataSource dataSource;
    private final PluginTables tables;

    public PluginMigrations(Jdbi jdbi, DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.tables = new PluginTables(jdbi, dataSource, clock);
    }

    /** @return the prefix every table of the plugin starts with */
    public static String prefix(String pluginId) {
        return "p_" + pluginId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_";
    }

    @Override
    public synchronized void starting(String pluginId, ClassLoader pluginClassLoader) {
        MigrationFiles files = MigrationFiles.of(pluginClassLoader);
        if (files.isEmpty()) {
            return;
        }
        String prefix = prefix(pluginId);
        Set<String> before = tables.all();
        MigrateResult result;
        try {
            result = Flyway.configure(pluginClassLoader)
                    .dataSource(dataSource)
                    .table(prefix + "schema_history")
                    .resourceProvider(files)
                    .javaMigrationClassProvider(List::of)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } finally {
            checkNewTables(pluginId, prefix, before);
        }
        if (result.migrationsExecuted > 0) {
            log.info("Plugin '{}': applied {} migration(s); its schema is at version {}", pluginId,
                    result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /**
     * Records the tables the run created. If any is outside the prefix, everything the run created is
     * dropped again (with the history, when the run created it) and the start fails.
     */
    private void checkNewTables(String pluginId, String prefix, Set<String> before) {
        String history = prefix + "schema_history";
        List<String> created = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (String table : tables.all()) {
            if (!before.contains(table)) {
                boolean ours = table.toLowerCase(Locale.ROOT).startsWith(prefix) && SAFE_NAME.matcher(table).matches();
                if (!ours) {
                    foreign.add(table);
                }
                if (!table.equalsIgnoreCase(history)) {
                    created.add(table);
                }
            }
        }
        if (foreign.isEmpty()) {
            tables.record(pluginId, created);
            return;
        }
        List<String> undo = new ArrayList<>(created.stream().filter(t -> SAFE_NAME.matcher(t).matches()).toList());
        java.util.Collections.reverse(undo);
        if (before.stream().noneMatch(history::equalsIgnoreCase)) {
            undo.add(history);
        }
        tables.drop(undo);
        throw new IllegalStateException("the migrations of '" + pluginId + "' created " + foreign
                + "; a plugin's tables must be named " + prefix + "…");
    }

    /** Drops the plugin's tables and its migration history. */
    @Override
    public synchronized void uninstalled(String pluginId) {
        String prefix = prefix(pluginId);
        List<String> own = new ArrayList<>(tables.of(pluginId).stream()
                .filter(t -> t.toLowerCase(Locale.ROOT).startsWith(prefix) && SAFE_NAME.matcher(t).matches()).toList());
        own.add(prefix + "schema_history");
        tables.drop(own);
        tables.forget(pluginId);
        log.info("Plugin '{}': dropped its tables {}", pluginId, own);
    }

    static String quoted(String table) {
        if (!SAFE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("refusing to drop a table named " + table);
        }
        return "\"" + table + "\"";
    }
}
