package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Development mode: a plugin loaded from a real classes directory is reloaded when its build output
 * changes (the test writes compiled classes over it, as {@code mvn compile} would), keeping the admin's
 * choice; a reload that fails leaves it failed with the reason until the next change; a Maven project
 * folder is loaded from its {@code target/classes} once that exists.
 */
class TestDevelopmentReload {

    /** How long a reload may take to be seen on a loaded machine; it is logged, and measured below, far under it. */
    private static final Duration RELOADED = Duration.ofSeconds(20);

    private static PluginJar version(String version, String key) {
        return Plugins.good("devreload", key).manifest("Plugin-Version", version);
    }

    @Test
    void aChangedClassesDirectoryIsReloadedAndAFailedReloadIsTriedAgainAtTheNextChange() {
        Path classes = version("1.0.0", "devreload_first").writeClassesTo(TestHost.tempDir("target-classes"));
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.developmentPlugin(classes))) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.state("devreload")).isEqualTo("active");
            assertThat(api.hasEventType("devreload_first")).isTrue();

            version("1.0.1", "devreload_second").writeClassesTo(classes);
            Duration seen = api.await("the changed event type", RELOADED,
                    a -> a.hasEventType("devreload_second") && "active".equals(a.state("devreload")));
            System.out.println("development reload seen by the test " + seen.toMillis() + " ms after the write");
            assertThat(api.hasEventType("devreload_first")).isFalse();
            assertThat(api.plugin("devreload").get("version").asText()).isEqualTo("1.0.1");

            Plugins.throwingStart("devreload").manifest("Plugin-Version", "1.0.2").writeClassesTo(classes);
            api.await("the failed reload", RELOADED, a -> "failed".equals(a.state("devreload")));
            assertThat(api.plugin("devreload").get("reason").asText()).contains("is on fire");

            version("1.0.3", "devreload_third").writeClassesTo(classes);
            api.await("active again after the next change", RELOADED,
                    a -> a.hasEventType("devreload_third") && "active".equals(a.state("devreload")));
        }
    }

    @Test
    void anInactivePluginStaysInactiveAcrossReloadsAndABrokenDescriptorIsReported() throws Exception {
        Path classes = version("1.0.0", "devidle_first").writeClassesTo(TestHost.tempDir("target-classes"));
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.developmentPlugin(classes))) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(host.http().postJson("/api/v1/plugins/devreload/deactivate", "").status()).isEqualTo(200);

            version("1.0.1", "devidle_second").writeClassesTo(classes);
            api.await("the new version, read but not started", RELOADED,
                    a -> "1.0.1".equals(a.plugin("devreload").get("version").asText()));
            assertThat(api.state("devreload")).isEqualTo("inactive");
            assertThat(api.hasEventType("devidle_second")).isFalse();

            Files.writeString(classes.resolve("plugin.properties"), "plugin.version=1.0.2\n");
            api.await("the refused descriptor", RELOADED, a -> "failed".equals(a.state("devreload")));
            assertThat(api.plugin("devreload").get("reason").asText()).contains("cannot be reloaded")
                    .contains("no id");

            version("1.0.3", "devidle_third").writeClassesTo(classes);
            api.await("read again, still the admin's inactive choice", RELOADED,
                    a -> "inactive".equals(a.state("devreload")) && "1.0.3".equals(a.plugin("devreload").get("version").asText()));
            assertThat(host.http().postJson("/api/v1/plugins/devreload/activate", "").status()).isEqualTo(200);
            assertThat(api.hasEventType("devidle_third")).isTrue();
        }
    }

    @Test
    void aMavenProjectFolderIsLoadedFromItsTargetClassesOnceItExists() throws Exception {
        Path project = TestHost.tempDir("project");
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.developmentPlugin(project))) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            JsonNode missing = api.byFile().get("classes");
            assertThat(missing).as(api.plugins().toString()).isNotNull();
            assertThat(missing.get("state").asText()).isEqualTo("failed");
            assertThat(missing.get("reason").asText()).contains("is a Maven project")
                    .contains(project.resolve("target").resolve("classes").toString()).contains("does not exist yet")
                    .contains("mvn compile");

            version("1.0.0", "devproject_built").writeClassesTo(project.resolve("target").resolve("classes"));
            api.await("loaded once built", RELOADED,
                    a -> "active".equals(a.state("devreload")) && a.hasEventType("devproject_built"));
            assertThat(api.byFile().get("classes").get("state").asText()).as("the failed row is gone").isEqualTo("active");
        }
    }
}
