package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.PluginFailure;
import io.plugboard.sdk.hooks.PluginUpdate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code plugin_updated} and {@code plugin_failed}, for jars uploaded through the API. */
class TestCoreHooksPlugins {

    private TestHost host;

    @BeforeEach
    void start() {
        host = TestHost.start();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private Http.Response upload(byte[] jar, Map<String, String> fields) {
        return host.http().postMultipart("/api/v1/plugins", "jar", "upload.jar", jar, fields);
    }

    @Test
    void anUpgradeTellsTheOldAndNewVersion() {
        List<PluginUpdate> updates = new CopyOnWriteArrayList<>();
        host.host().hooks().addAction(CoreHooks.PLUGIN_UPDATED, updates::add);
        assertThat(upload(Plugins.good("shop", "shop_v1").bytes(), Map.of()).status()).isEqualTo(201);
        assertThat(updates).isEmpty();
        Http.Response r = upload(Plugins.good("shop", "shop_v2").manifest("Plugin-Version", "2.0.0").bytes(),
                Map.of("upgrade", "true"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(updates).containsExactly(new PluginUpdate("shop", "1.0.0", "2.0.0"));
    }

    @Test
    void aPluginHearsHostStartedOnceEverythingRuns() throws Exception {
        java.nio.file.Path dir = TestHost.tempDir("plugins");
        Plugins.good("listener", "host_heard").manifest("Plugin-Class", "test.listener.Main")
                .source("test.listener.Main", """
                        package test.listener;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.hooks.*;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                context().hooks().addAction(CoreHooks.HOST_STARTED, h -> context().events().emit(
                                        "host_heard", java.util.Map.of("id", h.instanceId() + "/" + h.version())));
                            }
                        }
                        """).writeTo(dir);
        try (TestHost other = TestHost.start(dir);
             java.sql.Connection c = other.connection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT data FROM events WHERE type = 'host_heard'")) {
            assertThat(rs.next()).as("the plugin heard host_started").isTrue();
            assertThat(rs.getString(1)).matches("\\{\"id\":\"ins_[^/]+/.+\"}");
            assertThat(rs.next()).as("once").isFalse();
        }
    }

    @Test
    void aPluginWhoseStartThrowsIsToldAsFailedWithTheReason() {
        List<PluginFailure> failures = new CopyOnWriteArrayList<>();
        host.host().hooks().addAction(CoreHooks.PLUGIN_FAILED, failures::add);
        upload(Plugins.throwingStart("broken").bytes(), Map.of());
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("broken");
            assertThat(f.version()).isEqualTo("1.0.0");
            assertThat(f.reason()).startsWith("failed to start");
        });
    }
}
