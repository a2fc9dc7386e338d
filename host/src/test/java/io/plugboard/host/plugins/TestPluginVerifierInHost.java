package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin verifier in the host: a jar with two problems is refused with both (upload: 400; folder: a
 * failed row naming both), and a verifier warning is shown with the plugin in the API and the admin.
 */
class TestPluginVerifierInHost {

    /** Calls System.exit and uses a class of the host's internals: two errors. */
    private static PluginJar twoProblems(String id) {
        return Plugins.good(id, id + "_done").source("test." + id + ".Bad", """
                package test.%s;
                public class Bad {
                    void quit() { System.exit(2); }
                    String id() { return new io.plugboard.host.internal.common.Ids(java.time.Clock.systemUTC()).next("x"); }
                }
                """.formatted(id)).compiledAgainstTheHost();
    }

    @Test
    void anUploadWithTwoProblemsIsRefusedWithBoth() {
        try (TestHost host = TestHost.start()) {
            Http.Response r = host.http().postMultipart("/api/v1/plugins", "jar", "twice-bad.jar",
                    twoProblems("twicebad").bytes(), Map.of());

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().toString()).contains("plugin 'twicebad' is refused: 2 problems: (1) ")
                    .contains("class test.twicebad.Bad refers to io.plugboard.host.internal.common.Ids, a class of the "
                            + "host's internals")
                    .contains("class test.twicebad.Bad calls System.exit (in quit())");
            assertThat(new PluginsApiClient(host.http()).plugin("twicebad")).isNull();
        }
    }

    @Test
    void aJarOfTheFolderWithTwoProblemsIsListedWithBoth() {
        Path plugins = TestHost.tempDir("plugins");
        twoProblems("folderbad").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            JsonNode row = new PluginsApiClient(host.http()).plugins().get("folderbad.jar");
            assertThat(row.get("state").asText()).isEqualTo("failed");
            assertThat(row.get("reason").asText()).contains("2 problems").contains("System.exit")
                    .contains("io.plugboard.host.internal.common.Ids");
        }
    }

    @Test
    void aVerifierWarningIsShownWithThePlugin() {
        Path plugins = TestHost.tempDir("plugins");
        Plugins.good("anonymous", "anonymous_done").manifest("Plugin-Provider", "").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            JsonNode plugin = new PluginsApiClient(host.http()).plugin("anonymous");
            assertThat(plugin.get("state").asText()).isEqualTo("active");
            assertThat(plugin.get("warnings").toString()).contains("the descriptor has no Plugin-Provider");
            assertThat(host.http().get("/admin/plugins").body()).contains("the descriptor has no Plugin-Provider");
        }
    }
}
