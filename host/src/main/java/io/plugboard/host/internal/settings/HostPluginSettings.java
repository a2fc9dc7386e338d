package io.plugboard.host.internal.settings;

import io.plugboard.sdk.Registration;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The {@link PluginSettings} of one plugin. */
public final class HostPluginSettings implements PluginSettings {

    private final SettingsService service;
    private final String pluginId;
    private final BooleanSupplier running;

    /** @param running false while the plugin is not running: it may read, not declare or listen */
    public HostPluginSettings(SettingsService service, String pluginId, BooleanSupplier running) {
        this.service = service;
        this.pluginId = pluginId;
        this.running = running;
    }

    @Override
    public void declare(List<Setting> settings) {
        requireRunning();
        service.declare(pluginId, List.copyOf(Objects.requireNonNull(settings, "settings")));
    }

    @Override
    public List<Setting> declared() {
        return service.declared(pluginId);
    }

    @Override
    public Optional<String> get(String key) {
        return service.value(pluginId, key);
    }

    @Override
    public String getString(String key) {
        return get(key).orElse("");
    }

    @Override
    public long getLong(String key, long fallback) {
        try {
            return get(key).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            // a value stored before the setting became an integer
            return fallback;
        }
    }

    @Override
    public boolean getBoolean(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    @Override
    public Registration onChange(Consumer<Set<String>> listener) {
        requireRunning();
        return service.onChange(pluginId, Objects.requireNonNull(listener, "listener"));
    }

    private void requireRunning() {
        if (!running.getAsBoolean()) {
            throw new IllegalStateException("plugin '" + pluginId + "' is not running: declare settings in start()");
        }
    }
}
