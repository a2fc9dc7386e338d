package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.PluginControl;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plugin's own SQL migrations: run at start in its own history, not again after a restart, its tables
 * recorded and dropped (with its history and settings) when its data is removed; a migration that
 * creates a table outside the plugin's prefix fails the plugin and leaves nothing behind.
 */
class TestPluginMigrations {

    static PluginJar ledger() {
        return PluginJar.plugin("ledger").manifest("Plugin-Class", "test.ledger.Main")
                .resource("plugboard/migrations/V1__entries.sql", """
                        CREATE TABLE p_ledger_entries (id TEXT PRIMARY KEY, amount BIGINT NOT NULL);
                        CREATE TABLE p_ledger_lines (id TEXT PRIMARY KEY,
                            entry_id TEXT NOT NULL REFERENCES p_ledger_entries (id));
                        """)
                .resource("plugboard/migrations/V2__seed.sql", """
                        INSERT INTO p_ledger_entries (id, amount) VALUES ('e1', 100);
                        INSERT INTO p_ledger_lines (id, entry_id) VALUES ('l1', 'e1');
                        """)
                .source("test.ledger.Main", """
                        package test.ledger;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.settings.*;
                        import io.plugboard.sdk.web.JsonResponse;
                        import java.util.List;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                context().settings().declare(List.of(Setting.builder("note", SettingType.STRING).build()));
                                context().routes().get("/count", r -> {
                                    try (var c = context().database().getConnection();
                                         var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM p_ledger_entries")) {
                                        rs.next();
                                        return JsonResponse.ok("{\\"count\\":" + rs.getLong(1) + "}");
                                    } catch (java.sql.SQLException e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                            }
                        }
                        """);
    }

    static PluginJar rogue() {
        return Plugins.good("rogue", "rogue_event").resource("plugboard/migrations/V1__grab.sql", """
                CREATE TABLE p_rogue_fine (id TEXT PRIMARY KEY);
                CREATE TABLE stolen (id TEXT PRIMARY KEY);
                """);
    }

    @Test
    void migrationsRunOnceAndTheDataRemovalDropsTablesHistoryAndSettings() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        ledger().writeTo(plugins);
        Path data = TestHost.tempDir("data");
        try (TestHost host = TestHost.start(plugins, data)) {
            assertThat(host.http().get("/api/v1/plugins/ledger/count").json().get("count").asLong()).isEqualTo(1);
            assertThat(host.http().putJson("/api/v1/plugins/ledger/settings", "{\"note\":\"kept\"}").status())
                    .isEqualTo(200);
        }
        assertThat(tables(data)).contains("p_ledger_entries", "p_ledger_lines", "p_ledger_schema_history");
        assertThat(strings(data, "SELECT version FROM p_ledger_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactly("0", "1", "2");
        assertThat(strings(data, "SELECT table_name FROM plugin_tables WHERE plugin_id = 'ledger' ORDER BY position"))
                .containsExactly("p_ledger_entries", "p_ledger_lines");

        try (TestHost again = TestHost.start(plugins, data)) {
            assertThat(again.http().get("/api/v1/plugins/ledger/count").json().get("count").asLong())
                    .as("V2 is not run twice").isEqualTo(1);
            JsonNode note = again.http().get("/api/v1/plugins/ledger/settings").json().get("settings").get(0);
            assertThat(note.get("value").asText()).as("settings survive a restart").isEqualTo("kept");

            assertThatThrownBy(() -> PluginControl.deleteData(again.host(), "ledger"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("running");
            assertThat(PluginControl.stop(again.host(), "ledger")).isTrue();
            PluginControl.deleteData(again.host(), "ledger");
            assertThat(tables(again.dataDir())).noneMatch(t -> t.startsWith("p_ledger_"));
            assertThat(strings(again.dataDir(), "SELECT table_name FROM plugin_tables")).isEmpty();
            assertThat(strings(again.dataDir(), "SELECT setting_key FROM plugin_settings WHERE plugin_id = 'ledger'"))
                    .isEmpty();
        }
    }

    @Test
    void aTableOutsideThePrefixFailsThePluginAndIsDroppedAgain() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        rogue().writeTo(plugins);
        Plugins.good("calm", "calm_event").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            JsonNode rogue = null;
            for (JsonNode p : host.http().get("/api/v1/plugins").json().get("data")) {
                if (p.get("id").asText().equals("rogue")) {
                    rogue = p;
                }
            }
            assertThat(rogue.get("state").asText()).isEqualTo("failed");
            assertThat(rogue.get("reason").asText()).contains("stolen", "p_rogue_");
            assertThat(tables(host.dataDir())).doesNotContain("stolen", "p_rogue_fine", "p_rogue_schema_history");
            assertThat(host.http().get("/api/v1/event-types/rogue_event").status()).isEqualTo(404);
            assertThat(host.http().get("/api/v1/event-types/calm_event").status()).isEqualTo(200);
        }
    }

    /** The database's tables, through JDBC metadata: the same on SQLite and PostgreSQL. */
    private static List<String> tables(Path dataDir) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestHost.connection(dataDir);
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    private static List<String> strings(Path dataDir, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestHost.connection(dataDir);
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
