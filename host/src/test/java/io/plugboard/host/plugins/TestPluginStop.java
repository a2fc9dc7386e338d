package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.PluginControl;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.PluginInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When a plugin stops, nothing it registered stays: hooks, routes, pages, menu entries, settings, tasks. */
class TestPluginStop {

    private static final ActionHook<String> TICK = ActionHook.of("observer.tick", String.class);

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(withObserver()));

    private static Path withObserver() {
        Path dir = TestHost.tempDir("plugins");
        Observer.jar().writeTo(dir);
        return dir;
    }

    @Test
    void everythingThePluginRegisteredIsRemoved() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        List<PluginInfo> deactivated = new CopyOnWriteArrayList<>();
        host.host().hooks().addAction(TICK, t -> ticks.incrementAndGet());
        host.host().hooks().addAction(CoreHooks.PLUGIN_DEACTIVATED, deactivated::add);
        Await.until("the plugin's task runs twice", () -> ticks.get() >= 2);
        assertThat(host.http().get("/api/v1/plugins/observer/seen").status()).isEqualTo(200);
        assertThat(host.http().get("/admin/plugins/observer/report").status()).isEqualTo(200);
        assertThat(host.host().hooks().has(CoreHooks.OUTGOING_PAYLOAD)).isTrue();
        assertThat(host.host().hooks().has(CoreHooks.EVENT_EMITTED)).isTrue();

        assertThat(PluginControl.stop(host.host(), "observer")).isTrue();

        assertThat(deactivated).extracting(PluginInfo::id).containsExactly("observer");
        assertThat(host.host().hooks().has(CoreHooks.OUTGOING_PAYLOAD)).isFalse();
        assertThat(host.host().hooks().has(CoreHooks.EVENT_EMITTED)).isFalse();
        assertThat(host.host().hooks().has(CoreHooks.ADMIN_MENU)).isFalse();
        assertThat(host.host().hooks().has(TICK)).as("the app's own callback stays").isTrue();
        assertThat(host.http().get("/api/v1/plugins/observer/seen").status()).isEqualTo(404);
        assertThat(host.http().get("/admin/plugins/observer/report").status()).isEqualTo(404);
        assertThat(host.http().get("/admin/plugins/observer/settings").status()).isEqualTo(404);
        assertThat(host.http().get("/api/v1/plugins/observer/settings").status()).isEqualTo(404);
        assertThat(host.http().get("/admin/webhooks").body()).doesNotContain("/admin/plugins/observer/report");

        // Proving that nothing more happens needs holding still: one period (100 ms) for a run that was
        // already under way at the stop, then three periods in which a task still scheduled would tick.
        Thread.sleep(100);
        int afterStop = ticks.get();
        Thread.sleep(300);
        assertThat(ticks.get()).as("no task runs after the stop").isEqualTo(afterStop);
        assertThat(PluginControl.stop(host.host(), "observer")).isFalse();
    }
}
