package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several versions of one plugin in the plugins folder of a running host, with real jars: the highest
 * is installed and the others listed as superseded; removing the running jar falls back to the next;
 * a version that does not start is rolled back; a downgrade waits for the admin. Every row is worked
 * out from the folder as it is now.
 */
class TestFolderUpgrades {

    private TestHost host;
    private PluginsApiClient api;
    private Path folder;

    private void start() {
        start(TestHost.tempDir("plugins"));
    }

    private void start(Path plugins) {
        host = TestHost.start(plugins);
        api = new PluginsApiClient(host.http());
        folder = host.pluginsDir();
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static PluginJar invoice(String version) {
        return Plugins.good("invoice", "invoice_" + version.replace('.', '_')).manifest("Plugin-Version", version);
    }

    private static PluginJar crashing(String version) {
        return Plugins.throwingStart("invoice").manifest("Plugin-Version", version);
    }

    /** Writes the jar under the given name next to the folder, then moves it in, as a careful admin would. */
    private Path put(PluginJar jar, String name) throws Exception {
        Path built = jar.writeTo(TestHost.tempDir("built"));
        return Files.move(built, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean runs(String version) {
        JsonNode p = api.plugin("invoice");
        return p != null && "active".equals(p.get("state").asText()) && version.equals(p.get("version").asText());
    }

    private JsonNode row(String file) {
        return api.byFile().get(file);
    }

    /** @return the state of the jar's row, or null when it has none (read once: the list may change between reads) */
    private String stateOf(String file) {
        JsonNode row = row(file);
        return row == null ? null : row.get("state").asText();
    }

    @Test
    void theHighestVersionRunsTheOthersAreSupersededAndRemovingItFallsBack() throws Exception {
        start();
        put(invoice("1.0.0"), "invoice-plugin-1.0.0.jar");
        api.await("1.0.0 runs", Await.LIMIT, a -> runs("1.0.0"));

        put(invoice("1.0.1"), "invoice-plugin-1.0.1.jar");
        api.await("1.0.1 runs", Await.LIMIT, a -> runs("1.0.1") && a.hasEventType("invoice_1_0_1"));
        assertThat(api.hasEventType("invoice_1_0_0")).isFalse();
        JsonNode old = row("invoice-plugin-1.0.0.jar");
        assertThat(old.get("id").asText()).isEqualTo("invoice");
        assertThat(old.get("version").asText()).isEqualTo("1.0.0");
        assertThat(old.get("state").asText()).as("not failed").isEqualTo("superseded");
        assertThat(old.get("reason").asText()).isEqualTo("superseded by 1.0.1 (invoice-plugin-1.0.1.jar)");
        String page = host.http().get("/admin/plugins").body();
        assertThat(page).contains("superseded by 1.0.1 (invoice-plugin-1.0.1.jar)").contains("state-superseded");

        Files.delete(folder.resolve("invoice-plugin-1.0.1.jar"));
        api.await("falls back to 1.0.0", Await.LIMIT, a -> runs("1.0.0") && a.hasEventType("invoice_1_0_0"));
        assertThat(api.byFile()).containsOnlyKeys("invoice-plugin-1.0.0.jar");
    }

    /** The case: the old jar deleted after the new one was added leaves nothing failed or stale. */
    @Test
    void deletingTheSupersededJarLeavesTheRunningOneAndNoStaleRow() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Files.write(plugins.resolve("invoice-plugin-1.0.0.jar"), invoice("1.0.0").bytes());
        Files.write(plugins.resolve("invoice-plugin-1.0.1.jar"), invoice("1.0.1").bytes());
        start(plugins);
        assertThat(runs("1.0.1")).as("the highest is installed at start").isTrue();
        assertThat(row("invoice-plugin-1.0.0.jar").get("state").asText()).isEqualTo("superseded");

        Files.delete(folder.resolve("invoice-plugin-1.0.0.jar"));
        api.await("the superseded row is gone", Await.LIMIT, a -> a.byFile().size() == 1);
        assertThat(runs("1.0.1")).isTrue();
        assertThat(row("invoice-plugin-1.0.1.jar").get("reason").isNull()).isTrue();
    }

    @Test
    void aNewVersionNextToTheOldThatDoesNotStartIsRolledBack() throws Exception {
        start();
        put(invoice("1.0.0"), "invoice-plugin-1.0.0.jar");
        api.await("1.0.0 runs", Await.LIMIT, a -> runs("1.0.0"));

        put(crashing("1.0.1"), "invoice-plugin-1.0.1.jar");
        api.await("1.0.1 refused", Await.LIMIT, a -> "refused".equals(stateOf("invoice-plugin-1.0.1.jar")));
        assertThat(row("invoice-plugin-1.0.1.jar").get("reason").asText())
                .contains("version 1.0.1 did not start").contains("is on fire")
                .contains("rolled back to version 1.0.0, from invoice-plugin-1.0.0.jar");
        assertThat(runs("1.0.0")).isTrue();
        assertThat(api.hasEventType("invoice_1_0_0")).isTrue();
        assertThat(host.http().get("/admin/plugins").body()).contains("version 1.0.1 did not start");

        // A fixed 1.0.1 in its place is tried again.
        put(invoice("1.0.1"), "invoice-plugin-1.0.1.jar");
        api.await("the fixed 1.0.1 runs", Await.LIMIT, a -> runs("1.0.1"));
        assertThat(row("invoice-plugin-1.0.0.jar").get("state").asText()).isEqualTo("superseded");
    }

    @Test
    void aNewVersionWrittenOverTheOldJarThatDoesNotStartRunsTheOldFromAPrivateCopy() throws Exception {
        start();
        put(invoice("1.0.0"), "invoice.jar");
        api.await("1.0.0 runs", Await.LIMIT, a -> runs("1.0.0"));

        put(crashing("1.0.1"), "invoice.jar");
        api.await("1.0.1 refused", Await.LIMIT, a -> "refused".equals(stateOf("invoice.jar")));
        List<JsonNode> rows = rowsOf("invoice");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("state").asText()).isEqualTo("active");
        assertThat(rows.get(0).get("version").asText()).isEqualTo("1.0.0");
        assertThat(rows.get(1).get("reason").asText()).contains("is on fire")
                .contains("rolled back to version 1.0.0, kept as a private copy");

        Files.delete(folder.resolve("invoice.jar"));
        api.await("removed with its jar", Await.LIMIT, a -> a.plugin("invoice") == null && a.byFile().isEmpty());
    }

    @Test
    void atStartAHighestVersionThatDoesNotStartGivesWayToTheNext() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Files.write(plugins.resolve("invoice-plugin-1.0.0.jar"), invoice("1.0.0").bytes());
        Files.write(plugins.resolve("invoice-plugin-1.0.1.jar"), crashing("1.0.1").bytes());
        start(plugins);
        assertThat(runs("1.0.0")).isTrue();
        assertThat(row("invoice-plugin-1.0.1.jar").get("state").asText()).isEqualTo("refused");
        assertThat(row("invoice-plugin-1.0.1.jar").get("reason").asText()).contains("did not start");
    }

    @Test
    void aLowerVersionOverTheRunningJarIsRefusedUntilTheAdminDowngrades() throws Exception {
        start();
        put(invoice("1.0.1"), "invoice.jar");
        api.await("1.0.1 runs", Await.LIMIT, a -> runs("1.0.1"));
        Http.Response nothing = host.http().postJson("/api/v1/plugins/invoice/downgrade", "");
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("error").asText()).contains("no downgrade of plugin 'invoice' is waiting");

        put(invoice("1.0.0"), "invoice.jar");
        api.await("1.0.0 refused", Await.LIMIT, a -> rowsOf("invoice").size() == 2);
        JsonNode refused = rowsOf("invoice").get(1);
        assertThat(refused.get("state").asText()).isEqualTo("refused");
        assertThat(refused.get("reason").asText()).contains("version 1.0.0 is lower than the installed 1.0.1")
                .contains("POST /api/v1/plugins/invoice/downgrade");
        assertThat(runs("1.0.1")).as("the running version stays").isTrue();
        assertThat(host.http().get("/admin/plugins").body()).contains("Downgrade to 1.0.0");

        Http.Response done = host.http().postJson("/api/v1/plugins/invoice/downgrade", "");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("version").asText()).isEqualTo("1.0.0");
        assertThat(runs("1.0.0")).isTrue();
        assertThat(rowsOf("invoice")).hasSize(1);
    }

    @Test
    void theAdminButtonDowngrades() throws Exception {
        start();
        put(invoice("1.0.1"), "invoice.jar");
        api.await("1.0.1 runs", Await.LIMIT, a -> runs("1.0.1"));
        put(invoice("1.0.0"), "invoice.jar");
        api.await("1.0.0 refused", Await.LIMIT, a -> rowsOf("invoice").size() == 2);

        Http.Response r = host.http().postForm("/admin/plugins/invoice/downgrade", List.of());
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(runs("1.0.0")).isTrue();
        assertThat(host.http().get("/admin/plugins").body()).doesNotContain("Downgrade to");
    }

    @Test
    void aCopyOfTheRunningVersionUnderAnotherNameIsSupersededAndChangesNothing() throws Exception {
        start();
        put(invoice("1.0.0"), "invoice.jar");
        api.await("1.0.0 runs", Await.LIMIT, a -> runs("1.0.0"));
        Files.copy(folder.resolve("invoice.jar"), folder.resolve("invoice-copy.jar"));
        api.await("the copy is listed", Await.LIMIT, a -> a.byFile().containsKey("invoice-copy.jar"));
        assertThat(row("invoice-copy.jar").get("reason").asText()).isEqualTo("superseded by 1.0.0 (invoice.jar)");
        assertThat(api.plugin("invoice").get("file").asText()).as("still the jar it was installed from")
                .isEqualTo("invoice.jar");
    }

    @Test
    void uninstallDeletesEveryJarOfThePlugin() throws Exception {
        start();
        put(invoice("1.0.0"), "invoice-plugin-1.0.0.jar");
        put(invoice("1.0.1"), "invoice-plugin-1.0.1.jar");
        api.await("1.0.1 runs, 1.0.0 superseded", Await.LIMIT,
                a -> runs("1.0.1") && a.byFile().containsKey("invoice-plugin-1.0.0.jar"));

        assertThat(host.http().delete("/api/v1/plugins/invoice").status()).isEqualTo(204);
        assertThat(folder.toFile().list()).isEmpty();
        assertThat(api.byFile()).isEmpty();
    }

    private List<JsonNode> rowsOf(String id) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        host.http().get("/api/v1/plugins").json().get("data").forEach(p -> {
            if (p.get("id").asText().equals(id)) {
                rows.add(p);
            }
        });
        return rows;
    }
}
