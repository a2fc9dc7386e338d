package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two host instances on one PostgreSQL database, each with its own plugins folder: a plugin installed,
 * then updated, from a repository on one instance is downloaded, checked and installed by the other
 * too, and {@code /api/v1/instances} shows both running the same version. Skipped, loudly, without a
 * PostgreSQL server.
 */
class TestPluginRepositoryAcrossInstances {

    /** Each instance looks for chosen versions every 5 s; generous on a loaded machine. */
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    @Test
    void anInstallAndAnUpdateOnOneInstanceAreAppliedByTheOther() {
        String db = TestDatabases.freshSchema();
        try (PluginRepositoryFolder repo = new PluginRepositoryFolder()) {
            repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
            repo.add(PluginRepositoryFolder.invoice("1.0.1"), "invoice", "1.0.1", null);
            repo.buildSigned();
            try (TestHost a = instance(db, "node-a", repo); TestHost b = instance(db, "node-b", repo)) {
                Http.Response installed = a.http().postJson("/api/v1/plugins/install",
                        Http.json(Map.of("id", "invoice", "version", "1.0.0")));
                assertThat(installed.status()).as(installed.body()).isEqualTo(201);
                PluginsApiClient onB = new PluginsApiClient(b.http());
                onB.await("node-b installs 1.0.0 too", CONVERGE, c -> runs(c, "1.0.0"));
                assertThat(b.pluginsDir().resolve("invoice-1.0.0.jar.sig")).exists();

                Http.Response updated = a.http().postJson("/api/v1/plugins/invoice/update", "{}");
                assertThat(updated.status()).as(updated.body()).isEqualTo(200);
                onB.await("node-b updates to 1.0.1 too", CONVERGE, c -> runs(c, "1.0.1"));
                Await.until("both instances report 1.0.1", CONVERGE, () -> bothRun(a.http(), "1.0.1"));

                JsonNode history = b.http().get("/api/v1/plugins/invoice/history").json().get("data");
                assertThat(history.findValuesAsText("instance_id")).contains("node-a", "node-b");
                assertThat(history.findValuesAsText("actor")).contains("follow");
            }
        }
    }

    private static boolean runs(PluginsApiClient api, String version) {
        JsonNode p = api.plugin("invoice");
        return p != null && "active".equals(p.get("state").asText()) && version.equals(p.get("version").asText());
    }

    /** @return true when {@code /api/v1/instances} lists two instances, both running this version of the plugin */
    private static boolean bothRun(Http http, String version) {
        JsonNode instances = http.get("/api/v1/instances").json().get("data");
        int found = 0;
        for (JsonNode instance : instances) {
            if (version.equals(instance.path("plugins").path("invoice").asText())) {
                found++;
            }
        }
        return found == 2;
    }

    private static TestHost instance(String db, String id, PluginRepositoryFolder repo) {
        return TestHost.onPostgres(db, id, TestHost.tempDir("plugins"), TestHost.FAST,
                builder -> builder.pluginRepository(repo.url()).trustedPluginKeys(repo.trustedKeys));
    }
}
