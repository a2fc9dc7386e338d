package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A newer jar in the plugins folder that did not start while an older version could run is remembered
 * in the database: after a restart on the same database it is not started again, and is still listed
 * with its reason; a jar written in its place is tried again.
 */
class TestFolderFailuresAcrossRestart {

    private static final String OLD = "invoice-plugin-1.0.0.jar";
    private static final String NEW = "invoice-plugin-1.0.1.jar";

    @Test
    void aBrokenUpgradeIsNotRetriedAfterARestartUntilItsJarIsReplaced() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        Path attempts = TestHost.tempDir("attempts").resolve("starts.txt");
        Files.write(plugins.resolve(OLD), invoice("1.0.0").bytes());
        Files.write(plugins.resolve(NEW), countingCrash(attempts).bytes());

        try (TestHost host = TestHost.start(plugins, data)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(runs(api, "1.0.0")).isTrue();
            assertThat(refusedReason(api)).contains("version 1.0.1 did not start").contains("is on fire");
        }
        assertThat(Files.readAllLines(attempts)).as("1.0.1 was started once").hasSize(1);
        assertThat(storedFailures(data)).containsExactly(NEW);

        try (TestHost host = TestHost.start(plugins, data)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(runs(api, "1.0.0")).isTrue();
            assertThat(refusedReason(api)).as("still listed, with its reason")
                    .contains("version 1.0.1 did not start").contains("is on fire");
            assertThat(Files.readAllLines(attempts)).as("1.0.1 was not started again").hasSize(1);

            Path fixed = invoice("1.0.1").writeTo(TestHost.tempDir("built"));
            Files.move(fixed, plugins.resolve(NEW), StandardCopyOption.REPLACE_EXISTING);
            api.await("the replaced 1.0.1 is tried and runs", Await.LIMIT, a -> runs(a, "1.0.1"));
            assertThat(storedFailures(data)).as("the replaced jar's failure is forgotten").isEmpty();
        }
    }

    private static PluginJar invoice(String version) {
        return Plugins.good("invoice", "invoice_" + version.replace('.', '_')).manifest("Plugin-Version", version);
    }

    /** Version 1.0.1 whose start() notes each attempt in {@code attempts}, then throws. */
    private static PluginJar countingCrash(Path attempts) {
        return Plugins.good("invoice", "invoice_1_0_1").manifest("Plugin-Version", "1.0.1")
                .manifest("Plugin-Class", "test.invoice.Main").source("test.invoice.Main", """
                        package test.invoice;
                        import io.plugboard.sdk.*;
                        import java.nio.file.*;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                try {
                                    Files.writeString(Path.of("%s"), "started\\n",
                                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                                } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                                throw new IllegalStateException("the database of invoice is on fire");
                            }
                        }
                        """.formatted(attempts.toAbsolutePath().toString().replace("\\", "\\\\")));
    }

    private static boolean runs(PluginsApiClient api, String version) {
        JsonNode p = api.plugin("invoice");
        return p != null && "active".equals(p.get("state").asText()) && version.equals(p.get("version").asText());
    }

    private static String refusedReason(PluginsApiClient api) {
        JsonNode row = api.byFile().get(NEW);
        assertThat(row).as("the row of " + NEW).isNotNull();
        assertThat(row.get("state").asText()).isEqualTo("refused");
        return row.get("reason").asText();
    }

    private static List<String> storedFailures(Path data) throws Exception {
        List<String> files = new ArrayList<>();
        try (Connection c = TestHost.connection(data);
             ResultSet rs = c.createStatement().executeQuery("SELECT file_name FROM plugin_jar_failures")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        return files;
    }
}
