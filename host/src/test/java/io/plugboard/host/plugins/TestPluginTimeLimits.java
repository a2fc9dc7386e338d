package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plugin whose {@code start()} or {@code stop()} never returns: it is failed after its time limit,
 * and the host starts, answers and closes regardless.
 */
class TestPluginTimeLimits {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHangingStartFailsAfterItsLimitAndTheHostServes() {
        Path dir = TestHost.tempDir("plugins");
        HostilePlugins.hangingStart("sleeper").writeTo(dir);
        Plugins.good("alpha", "alpha_created").writeTo(dir);
        try (TestHost host = TestHost.start(dir, TestHost.tempDir("data"),
                b -> b.pluginTimeLimits(Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            JsonNode sleeper = api.plugin("sleeper");
            assertThat(sleeper.get("state").asText()).isEqualTo("failed");
            assertThat(sleeper.get("reason").asText()).isEqualTo("did not start within 1 s");
            assertThat(api.state("alpha")).isEqualTo("active");
            assertThat(api.hasEventType("sleeper_event")).as("nothing of it stays registered").isFalse();
            assertThat(host.http().get("/admin/plugins").body()).contains("did not start within 1 s");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHangingEventTypeProviderFailsWithinTheStartLimitAndTheHostServes() {
        Path dir = TestHost.tempDir("plugins");
        HostilePlugins.hangingProvider("stuck").writeTo(dir);
        Plugins.good("alpha", "alpha_created").writeTo(dir);
        try (TestHost host = TestHost.start(dir, TestHost.tempDir("data"),
                b -> b.pluginTimeLimits(Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.plugin("stuck").get("reason").asText()).isEqualTo("did not start within 1 s");
            assertThat(api.state("alpha")).isEqualTo("active");
            assertThat(host.http().postMultipart("/api/v1/plugins", "jar", "beta.jar",
                    Plugins.good("beta", "beta_created").bytes(), java.util.Map.of()).status())
                    .as("the plugin lock is free again").isEqualTo(201);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void thePluginsAnswerWhileOneIsStartingAndCloseDoesNotWaitForIt() {
        Path dir = TestHost.tempDir("plugins");
        Plugins.good("alpha", "alpha_created").writeTo(dir);
        TestHost host = TestHost.start(dir, TestHost.tempDir("data"),
                b -> b.pluginTimeLimits(Duration.ofSeconds(50), Duration.ofSeconds(1)));
        try {
            HostilePlugins.hangingStart("sleeper").writeTo(dir); // the folder watcher deploys it
            PluginsApiClient api = new PluginsApiClient(host.http());
            api.await("the sleeper is starting", Duration.ofSeconds(20), a -> "starting".equals(a.state("sleeper")));
            Http.Response page = host.http().get("/admin/plugins");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("sleeper").contains("starting");
            assertThat(host.http().get("/api/v1/plugins/alpha").json().get("state").asText()).isEqualTo("active");
        } finally {
            assertTimeoutPreemptively(Duration.ofSeconds(15), host::close,
                    "closing gives up on the start under way instead of waiting for its 50 s limit");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHangingStopFailsAfterItsLimit() {
        Path dir = TestHost.tempDir("plugins");
        HostilePlugins.hangingStop("sticky").writeTo(dir);
        try (TestHost host = TestHost.start(dir, TestHost.tempDir("data"),
                b -> b.pluginTimeLimits(Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
            PluginsApiClient api = new PluginsApiClient(host.http());
            assertThat(api.state("sticky")).isEqualTo("active");
            Http.Response r = host.http().postJson("/api/v1/plugins/sticky/deactivate", "{}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("state").asText()).isEqualTo("failed");
            assertThat(r.json().get("reason").asText()).isEqualTo("did not stop within 1 s");
            assertThat(api.hasEventType("sticky_event")).isFalse();
        }
    }
}
