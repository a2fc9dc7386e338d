package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Activate, deactivate and uninstall through the API and the admin, on a real host with real jars;
 * the chosen state survives a restart.
 */
class TestPluginLifecycle {

    @Test
    void deactivateAndActivateThroughTheApiAndTheChoiceSurvivesARestart() {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        Plugins.good("alpha", "alpha_created").writeTo(plugins);
        Plugins.good("beta", "beta_created").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins, data)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.state("alpha")).as("new plugins start active").isEqualTo("active");

            Http.Response off = host.http().postJson("/api/v1/plugins/alpha/deactivate", "");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            assertThat(off.json().get("state").asText()).isEqualTo("inactive");
            assertThat(off.json().get("reason").isNull()).isTrue();
            assertThat(off.json().get("event_types")).isEmpty();
            assertThat(api.hasEventType("alpha_created")).as("its event types go with it").isFalse();
            assertThat(host.http().get("/api/v1/plugins/alpha").json().get("state").asText()).isEqualTo("inactive");
        }
        try (TestHost host = TestHost.start(plugins, data)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.state("alpha")).as("still inactive after a restart").isEqualTo("inactive");
            assertThat(api.state("beta")).isEqualTo("active");

            Http.Response on = host.http().postJson("/api/v1/plugins/alpha/activate", "");
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            assertThat(on.json().get("state").asText()).isEqualTo("active");
            assertThat(on.json().get("event_types")).extracting(JsonNode::asText).containsExactly("alpha_created");
            assertThat(host.http().postJson("/api/v1/plugins/alpha/activate", "").status())
                    .as("activating an active plugin is a no-op").isEqualTo(200);
        }
        try (TestHost host = TestHost.start(plugins, data)) {
            assertThat(new PluginsApiClient(host.http()).state("alpha")).as("active again after a restart")
                    .isEqualTo("active");
        }
    }

    @Test
    void uninstallStopsDeletesTheJarAndForgetsTheChoice() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path jar = Plugins.good("gone", "gone_event").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http.Response r = host.http().delete("/api/v1/plugins/gone");
            assertThat(r.status()).as(r.body()).isEqualTo(204);
            assertThat(Files.exists(jar)).isFalse();
            assertThat(new PluginsApiClient(host.http()).plugin("gone")).isNull();
            assertThat(host.http().get("/api/v1/plugins/gone").status()).isEqualTo(404);
            assertThat(host.http().delete("/api/v1/plugins/gone").status()).isEqualTo(404);
            assertThat(host.http().postJson("/api/v1/plugins/gone/activate", "").json().get("error").asText())
                    .contains("no plugin 'gone' is installed");
        }
    }

    @Test
    void theAdminPageActivatesDeactivatesAndUninstallsOnlyAfterTheIdIsTyped() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path jar = Plugins.good("shop", "shop_event").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http http = host.http();
            PluginsApiClient api = new PluginsApiClient(http);
            String page = http.get("/admin/plugins").body();
            assertThat(page).contains("action=\"/admin/plugins/shop/deactivate\"").contains("Upload plugin")
                    .contains("href=\"/admin/plugins/shop/uninstall\"");

            Http.Response off = http.postForm("/admin/plugins/shop/deactivate", List.of());
            assertThat(off.status()).isEqualTo(302);
            assertThat(api.state("shop")).isEqualTo("inactive");
            assertThat(http.get("/admin/plugins").body()).contains("action=\"/admin/plugins/shop/activate\"");

            Http.Response noCsrf = http.postForm("/admin/plugins/shop/activate", List.of(Map.entry("_csrf", "forged")));
            assertThat(noCsrf.status()).isEqualTo(403);
            assertThat(api.state("shop")).isEqualTo("inactive");

            assertThat(http.postForm("/admin/plugins/shop/activate", List.of()).status()).isEqualTo(302);
            assertThat(api.state("shop")).isEqualTo("active");

            assertThat(http.get("/admin/plugins/shop/uninstall").body()).contains("Type the plugin")
                    .contains("name=\"confirm_id\"");
            Http.Response wrong = http.postForm("/admin/plugins/shop/uninstall", List.of(Map.entry("confirm_id", "shops")));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.body()).contains("does not match");
            assertThat(api.state("shop")).isEqualTo("active");
            assertThat(Files.exists(jar)).isTrue();

            Http.Response done = http.postForm("/admin/plugins/shop/uninstall", List.of(Map.entry("confirm_id", "shop")));
            assertThat(done.status()).isEqualTo(302);
            assertThat(api.plugin("shop")).isNull();
            assertThat(Files.exists(jar)).isFalse();
            assertThat(http.get("/admin/plugins/nosuch/uninstall").status()).isEqualTo(404);
        }
    }

    @Test
    void aFailedPluginCanBeRetriedAndSaysWhyAgain() {
        Path plugins = TestHost.tempDir("plugins");
        Plugins.throwingStart("crashy").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.state("crashy")).isEqualTo("failed");
            Http.Response retry = host.http().postJson("/api/v1/plugins/crashy/activate", "");
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.json().get("error").asText()).contains("crashy").contains("is on fire");
            Http.Response off = host.http().postJson("/api/v1/plugins/crashy/deactivate", "");
            assertThat(off.json().get("state").asText()).isEqualTo("inactive");
        }
    }
}
