package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.plugins.PluginListener;
import io.plugboard.host.internal.plugins.ContextParts;
import io.plugboard.host.internal.plugins.PluginOptions;
import io.plugboard.host.internal.plugins.PluginTrust;
import io.plugboard.host.internal.plugins.PluginTimeLimits;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.InvalidEventException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin service on its own (a real database, real jars, PF4J), watched by a {@link PluginListener}:
 * the listener hears every start, stop and uninstall in order, can veto a start, and after a plugin is
 * unloaded its class loader can be garbage-collected.
 */
class TestPluginListenersAndUnload {

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private volatile WeakReference<ClassLoader> lastLoader;
    private Database db;
    private EventTypeRegistry registry;
    private PluginService plugins;
    private Path pluginsDir;

    private final PluginListener recorder = new PluginListener() {
        @Override
        public void starting(String pluginId, ClassLoader pluginClassLoader) {
            heard.add("starting " + pluginId);
            lastLoader = new WeakReference<>(pluginClassLoader);
            if (pluginId.equals("vetoed")) {
                throw new IllegalStateException("the settings of vetoed are incomplete");
            }
        }

        @Override public void started(String pluginId) { heard.add("started " + pluginId); }
        @Override public void stopped(String pluginId) { heard.add("stopped " + pluginId); }
        @Override public void uninstalled(String pluginId) { heard.add("uninstalled " + pluginId); }
    };

    @BeforeEach
    void start() {
        pluginsDir = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        db = Database.openSqlite(data);
        registry = new EventTypeRegistry();
        // Accepts registered types and refuses others, as the host's emitter does (without storing anything).
        EventEmitter quiet = new EventEmitter() {
            @Override public String emit(String type, Map<String, ?> data) { return emitJson(type, "{}"); }
            @Override public String emitJson(String type, String dataJson) {
                if (!registry.contains(type)) {
                    throw new InvalidEventException("unknown event type '" + type + "'", List.of());
                }
                return "evt_test";
            }
        };
        PluginOptions options = new PluginOptions(pluginsDir, data.resolve("plugin-copies"), List.of(), "0.1.0",
                false, Duration.ofMillis(250), 10L * 1024 * 1024, PluginTimeLimits.DEFAULTS, PluginTrust.NONE);
        Plugins.withMainClass("alpha", "alpha_started").writeTo(pluginsDir);
        Plugins.good("vetoed", "vetoed_event").writeTo(pluginsDir);
        plugins = new PluginService(options, db.jdbi(), Clock.systemUTC(), registry,
                new EventTypeCompiler(new ObjectMapper()), source -> quiet, source -> null,
                (id, version) -> new ContextParts(null, null, null, null, null, null), // these plugins use none of them
                List.of(recorder), new io.plugboard.host.internal.common.Workers(Clock.systemUTC()));
        plugins.start();
    }

    @AfterEach
    void stop() {
        plugins.close();
        db.close();
    }

    private String state(String id) {
        return plugins.reports().stream().filter(r -> r.id().equals(id)).map(PluginReport::state).findFirst().orElse(null);
    }

    @Test
    void listenersHearEveryStepInOrderAndCanVetoAStart() {
        assertThat(heard).containsExactly("starting alpha", "started alpha", "starting vetoed", "stopped vetoed");
        assertThat(state("vetoed")).isEqualTo("failed");
        assertThat(plugins.report("vetoed").reason()).isEqualTo("failed to start: the settings of vetoed are incomplete");
        assertThat(registry.contains("vetoed_event")).as("a vetoed plugin's types are removed").isFalse();
        assertThat(registry.contains("alpha_started")).as("types are registered before the start").isTrue();

        heard.clear();
        plugins.deactivate("alpha");
        plugins.activate("alpha");
        plugins.uninstall("alpha");
        assertThat(heard).containsExactly("stopped alpha", "starting alpha", "started alpha", "stopped alpha",
                "uninstalled alpha");
        assertThat(registry.contains("alpha_started")).isFalse();
        assertThatThrownBy(() -> plugins.activate("vetoed")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("settings of vetoed are incomplete");
    }

    @Test
    void anUnloadedPluginsClassLoaderCanBeGarbageCollected() throws Exception {
        plugins.deactivate("alpha");
        plugins.activate("alpha"); // a second load: the first loader must not be kept by the reload either
        WeakReference<ClassLoader> loader = lastLoader;
        assertThat(loader.get()).isNotNull();
        plugins.deactivate("alpha");
        lastLoader = null;

        Await.until("the class loader of the unloaded plugin was collected", () -> {
            System.gc();
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[1024 * 1024];
            }
            return loader.get() == null;
        });
    }
}
