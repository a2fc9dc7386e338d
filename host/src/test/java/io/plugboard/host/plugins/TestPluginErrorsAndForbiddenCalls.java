package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plugin that throws an {@link Error} in {@code start()} is failed and held back at later starts, so
 * the host always comes up; a jar whose classes call what stops the JVM is refused at load and upload.
 */
class TestPluginErrorsAndForbiddenCalls {

    @Test
    void anOutOfMemoryErrorInStartFailsThePluginAndIsNotRetriedAtTheNextStart() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        HostilePlugins.outOfMemory("hog").writeTo(plugins);
        Plugins.good("alpha", "alpha_created").writeTo(plugins);
        System.clearProperty("test.hog.starts");

        try (TestHost host = TestHost.start(plugins, data)) {
            JsonNode hog = new PluginsApiClient(host.http()).plugin("hog");
            assertThat(hog.get("state").asText()).isEqualTo("failed");
            assertThat(hog.get("reason").asText()).startsWith("failed to start with OutOfMemoryError");
            assertThat(Integer.getInteger("test.hog.starts")).isEqualTo(1);
        }

        try (TestHost host = TestHost.start(plugins, data)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.state("alpha")).isEqualTo("active");
            JsonNode hog = api.plugin("hog");
            assertThat(hog.get("state").asText()).isEqualTo("failed");
            assertThat(hog.get("reason").asText()).contains("was not started again")
                    .contains("OutOfMemoryError").contains("activate it, or replace its jar");
            assertThat(Integer.getInteger("test.hog.starts")).as("not tried at the restart").isEqualTo(1);

            Http.Response again = host.http().postJson("/api/v1/plugins/hog/activate", "{}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("error").asText()).contains("OutOfMemoryError");
            assertThat(Integer.getInteger("test.hog.starts")).as("activating tries again").isEqualTo(2);
        }

        HostilePlugins.outOfMemory("hog").manifest("Plugin-Version", "1.0.1").writeTo(plugins);
        Files.setLastModifiedTime(plugins.resolve("hog.jar"), java.nio.file.attribute.FileTime.fromMillis(12_345_000L));
        try (TestHost host = TestHost.start(plugins, data)) {
            assertThat(new PluginsApiClient(host.http()).state("hog")).isEqualTo("failed");
            assertThat(Integer.getInteger("test.hog.starts")).as("a changed jar is tried again").isEqualTo(3);
        }
    }

    @Test
    void aJarCallingWhatStopsTheJvmIsRefusedAtLoadAndAtUpload() {
        Path plugins = TestHost.tempDir("plugins");
        HostilePlugins.calling("halter", "Runtime.getRuntime().halt(1)").writeTo(plugins);
        HostilePlugins.calling("stopper", "Thread.currentThread().stop()").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Map<String, JsonNode> all = new PluginsApiClient(host.http()).plugins();
            assertThat(all).as("the refused jars are listed by file name, not loaded as plugins")
                    .containsKeys("halter.jar", "stopper.jar").doesNotContainKeys("halter", "stopper");
            assertThat(all.get("halter.jar").get("state").asText()).isEqualTo("failed");
            assertThat(all.get("halter.jar").get("reason").asText())
                    .contains("class test.halter.Quitter calls Runtime.halt (in quit())");
            assertThat(all.get("stopper.jar").get("reason").asText())
                    .contains("class test.stopper.Quitter calls Thread.stop");

            for (String call : new String[] {"System.exit(3)", "Runtime.getRuntime().exit(3)"}) {
                Http.Response r = host.http().postMultipart("/api/v1/plugins", "jar", "quitter.jar",
                        HostilePlugins.calling("quitter", call).bytes(), Map.of());
                assertThat(r.status()).as(call).isEqualTo(400);
                assertThat(r.json().toString()).as(call).contains("plugin 'quitter' is refused: class test.quitter.Quitter calls "
                        + call.replace("Runtime.getRuntime()", "Runtime").replace("(3)", ""));
            }
            assertThat(new PluginsApiClient(host.http()).plugin("quitter")).isNull();
        }
    }
}
