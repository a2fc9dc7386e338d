package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code Plugin-Dependencies} (optional with {@code ?}) are honoured, and unmet ones explained. */
class TestPluginDependencies {

    @Test
    void unmetDependenciesAreExplainedAndMetOnesStartInOrder() {
        Path plugins = TestHost.tempDir("plugins");
        Plugins.good("base", "base_event").writeTo(plugins);
        Plugins.good("addon", "addon_event").manifest("Plugin-Dependencies", "base@>=1.0.0").writeTo(plugins);
        Plugins.good("extra", "extra_event").manifest("Plugin-Dependencies", "base, nothere?").writeTo(plugins);
        Plugins.good("orphan", "orphan_event").manifest("Plugin-Dependencies", "nothere@>=1.2.0").writeTo(plugins);
        Plugins.good("picky", "picky_event").manifest("Plugin-Dependencies", "base@>=2.0.0").writeTo(plugins);
        Plugins.good("ping", "ping_event").manifest("Plugin-Dependencies", "pong").writeTo(plugins);
        Plugins.good("pong", "pong_event").manifest("Plugin-Dependencies", "ping").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.state("base")).isEqualTo("active");
            assertThat(api.state("addon")).isEqualTo("active");
            assertThat(api.state("extra")).as("an optional dependency may be missing").isEqualTo("active");
            assertThat(api.plugin("orphan").get("state").asText()).isEqualTo("incompatible");
            assertThat(api.plugin("orphan").get("reason").asText())
                    .isEqualTo("needs plugin 'nothere' >=1.2.0, which is not installed");
            assertThat(api.plugin("picky").get("reason").asText())
                    .isEqualTo("needs plugin 'base' >=2.0.0, but version 1.0.0 is installed");
            assertThat(api.plugin("ping").get("reason").asText()).startsWith("dependency cycle: ");
            assertThat(api.state("pong")).isEqualTo("incompatible");
            assertThat(api.hasEventType("orphan_event")).isFalse();

            var addon = api.plugin("addon");
            assertThat(addon.get("dependencies").get(0).get("plugin_id").asText()).isEqualTo("base");
            assertThat(addon.get("dependencies").get(0).get("versions").asText()).isEqualTo(">=1.0.0");
            assertThat(addon.get("dependencies").get(0).get("active").asBoolean()).isTrue();
            assertThat(api.plugin("extra").get("dependencies").get(1).get("optional").asBoolean()).isTrue();
            assertThat(api.plugin("base").get("dependents")).extracting(n -> n.asText())
                    .contains("addon", "extra", "picky");

            assertThat(host.http().get("/admin/plugins").body())
                    .contains("needs plugin &#x27;nothere&#x27; &gt;&#x3D;1.2.0, which is not installed")
                    .contains("Needed by addon, extra, picky");
        }
    }

    @Test
    void aPluginOthersNeedCannotBeDeactivatedOrUninstalledUntilTheyAre() {
        Path plugins = TestHost.tempDir("plugins");
        Path baseJar = Plugins.good("base", "base_event").writeTo(plugins);
        Plugins.good("addon", "addon_event").manifest("Plugin-Dependencies", "base").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http http = host.http();
            PluginsApiClient api = new PluginsApiClient(http);
            Http.Response refused = http.postJson("/api/v1/plugins/base/deactivate", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).isEqualTo("plugin 'base' cannot be deactivated while "
                    + "'addon' depends on it and is active; deactivate it first");
            assertThat(http.delete("/api/v1/plugins/base").status()).isEqualTo(409);
            assertThat(Files.exists(baseJar)).isTrue();
            assertThat(api.state("base")).isEqualTo("active");
            Http.Response page = http.postForm("/admin/plugins/base/deactivate", java.util.List.of());
            assertThat(page.status()).isEqualTo(409);
            assertThat(page.body()).contains("deactivate it first");

            assertThat(http.postJson("/api/v1/plugins/addon/deactivate", "").status()).isEqualTo(200);
            assertThat(http.postJson("/api/v1/plugins/base/deactivate", "").status()).isEqualTo(200);
            Http.Response needs = http.postJson("/api/v1/plugins/addon/activate", "");
            assertThat(needs.status()).isEqualTo(409);
            assertThat(needs.json().get("error").asText())
                    .isEqualTo("plugin 'addon' cannot be activated: it needs plugin 'base', which is inactive; activate it first");

            assertThat(http.postJson("/api/v1/plugins/base/activate", "").status()).isEqualTo(200);
            assertThat(http.postJson("/api/v1/plugins/addon/activate", "").json().get("state").asText()).isEqualTo("active");
        }
    }

    @Test
    void aDependentWaitsForItsDependencyAndStopsWhenItGoes() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Plugins.good("addon", "addon_event").manifest("Plugin-Dependencies", "base").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.plugin("addon").get("reason").asText()).isEqualTo("needs plugin 'base', which is not installed");

            Path base = Plugins.good("base", "base_event").writeTo(TestHost.tempDir("built"));
            Files.copy(base, plugins.resolve("base.jar"));
            api.await("addon starts once base arrives", Duration.ofSeconds(5),
                    a -> "active".equals(a.state("base")) && "active".equals(a.state("addon")));

            Files.delete(plugins.resolve("base.jar"));
            api.await("addon stops when base goes", Duration.ofSeconds(5), a -> a.plugin("base") == null
                    && "incompatible".equals(a.state("addon")) && !a.hasEventType("addon_event"));
            assertThat(api.plugin("addon").get("reason").asText()).isEqualTo("needs plugin 'base', which is not installed");
        }
    }
}
