package io.plugboard.testkit;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures a {@link PluginHarness}. Every setting has a default: the plugin is read from
 * {@code target/classes}, its descriptor from {@code plugin.properties} or {@code META-INF/MANIFEST.MF}
 * there, and the host retries failed deliveries after 100, 200 and 400 ms.
 */
public final class PluginHarnessBuilder {

    /** Retries in milliseconds, so a test that makes the endpoint fail does not wait for hours. */
    static final DeliverySettings FAST_RETRIES = DeliverySettings.defaults().toBuilder()
            .retrySchedule(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)))
            .jitter(0)
            .requestTimeout(Duration.ofSeconds(5))
            .drainTimeout(Duration.ofSeconds(2))
            .build();

    private Path classes = Path.of("target", "classes");
    private Path builtJar;
    private final Map<String, String> entries = new LinkedHashMap<>();
    private final List<Path> otherPlugins = new ArrayList<>();
    private final List<Consumer<PlugboardBuilder>> hostSettings = new ArrayList<>();
    private boolean requireStarted = true;
    private boolean strict;

    PluginHarnessBuilder() {}

    /** @param dir the compiled plugin (default {@code target/classes}) @return this builder */
    public PluginHarnessBuilder classes(Path dir) { this.classes = Objects.requireNonNull(dir, "dir"); return this; }

    /**
     * Tests an already built plugin jar as it is, e.g. {@code target/my-plugin-1.0.0.jar} from a
     * failsafe test after {@code package}, instead of packing the classes folder. Manifest entries given
     * to this builder do not apply to it.
     *
     * @param jar the plugin jar
     * @return this builder
     */
    public PluginHarnessBuilder jar(Path jar) { this.builtJar = Objects.requireNonNull(jar, "jar"); return this; }

    /**
     * Sets a manifest entry of the packed jar, over what the classes folder says.
     *
     * @param name e.g. {@code Plugin-Id}, {@code Plugin-Class}, {@code Plugin-Requires}
     * @param value its value
     * @return this builder
     */
    public PluginHarnessBuilder manifestEntry(String name, String value) {
        if (!Objects.requireNonNull(name, "name").startsWith("Plugin-")) {
            throw new IllegalArgumentException("only Plugin-* entries describe a plugin, not " + name);
        }
        entries.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    /** @param id the {@code Plugin-Id} @return this builder */
    public PluginHarnessBuilder pluginId(String id) { return manifestEntry("Plugin-Id", id); }

    /** @param version the {@code Plugin-Version} @return this builder */
    public PluginHarnessBuilder pluginVersion(String version) { return manifestEntry("Plugin-Version", version); }

    /** @param className the {@code Plugin-Class} @return this builder */
    public PluginHarnessBuilder pluginClass(String className) { return manifestEntry("Plugin-Class", className); }

    /**
     * Retries failed deliveries {@code times} times, {@code every} apart — for a test that breaks a
     * destination (a wrong password, a full queue), sees attempts fail, and fixes it before the host gives
     * up. The request timeout becomes 15 s, above a destination's own send budget, so the plugin's reason
     * is what the delivery log shows.
     *
     * @return this builder
     */
    public PluginHarnessBuilder retryEvery(Duration every, int times) {
        DeliverySettings retries = DeliverySettings.defaults().toBuilder()
                .retrySchedule(java.util.Collections.nCopies(times, every)).jitter(0)
                .requestTimeout(Duration.ofSeconds(15)).drainTimeout(Duration.ofSeconds(2)).build();
        return host(h -> h.delivery(retries));
    }

    /** @param jar another plugin jar to load too, e.g. one the plugin depends on @return this builder */
    public PluginHarnessBuilder withPlugin(Path jar) { otherPlugins.add(Objects.requireNonNull(jar, "jar")); return this; }

    /**
     * Changes the host's settings before it starts, e.g. {@code h -> h.eventType(...)} or
     * {@code h -> h.delivery(...)}. Folders, port, admin and target guard are the harness's own.
     *
     * @param settings applied to the host's builder
     * @return this builder
     */
    public PluginHarnessBuilder host(Consumer<PlugboardBuilder> settings) {
        hostSettings.add(Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /**
     * @param require false to test a plugin that must fail or be refused; default true, where a plugin
     *     that does not start fails {@link #start()} with the host's reason
     * @return this builder
     */
    public PluginHarnessBuilder requireStarted(boolean require) { this.requireStarted = require; return this; }

    /**
     * Strict mode: a warning of the plugin verifier (run on the packed jar before the host starts) or of the
     * host (at the plugin's start) fails {@link #start()} with its text, as an error always does. Off by
     * default; the archetype's generated test turns it on.
     *
     * @param strict true to fail on warnings
     * @return this builder
     */
    public PluginHarnessBuilder strict(boolean strict) { this.strict = strict; return this; }

    /**
     * Packs the plugin, verifies the jar, starts the host and subscribes the capture endpoint.
     *
     * @return the running harness
     * @throws IllegalStateException if the classes folder or the descriptor is missing
     * @throws AssertionError if the plugin did not start and {@code requireStarted} is on, if the verifier
     *     finds an error (with {@code requireStarted}), or in {@link #strict(boolean) strict mode} a warning
     */
    public PluginHarness start() {
        Map<String, String> manifest = builtJar != null ? PluginManifest.ofJar(builtJar)
                : PluginManifest.resolve(classes, entries);
        HarnessSetup setup = new HarnessSetup();
        try {
            setup.pluginJar(builtJar != null
                    ? Files.copy(builtJar, setup.pluginsDir().resolve(builtJar.getFileName()))
                    : PluginJarWriter.write(classes, manifest, setup.pluginsDir()));
            StrictChecks checks = new StrictChecks(strict);
            checks.beforeStart(setup.pluginJar(), requireStarted);
            for (Path jar : otherPlugins) {
                Files.copy(jar, setup.pluginsDir().resolve(jar.getFileName()));
            }
            PlugboardBuilder host = Plugboard.builder().delivery(FAST_RETRIES);
            hostSettings.forEach(s -> s.accept(host));
            setup.started(host.pluginsDir(setup.pluginsDir()).dataDir(setup.dataDir()).bindHost("127.0.0.1")
                    .port(0).allowPrivateTargets(false).allowTarget("127.0.0.1")
                    .adminUser(HarnessSetup.ADMIN_USER, setup.adminPassword()).build().start());
            PluginHarness harness = new PluginHarness(setup, manifest.get("Plugin-Id"),
                    new CaptureWebhook(setup.api(), setup.capture().url()));
            PluginStatus status = harness.plugin();
            if (requireStarted && !status.started()) {
                throw new AssertionError("plugin '" + status.id() + "' did not start: " + status.state()
                        + (status.reason() == null ? "" : " (" + status.reason() + ")"));
            }
            if (status.started()) {
                checks.afterStart(status);
            }
            if (!status.eventTypes().isEmpty()) {
                harness.subscribe(status.eventTypes().toArray(String[]::new));
            }
            return harness;
        } catch (IOException e) {
            setup.close();
            throw new UncheckedIOException("cannot copy a plugin into the harness's plugins folder", e);
        } catch (RuntimeException | Error e) {
            setup.close();
            throw e;
        }
    }
}
