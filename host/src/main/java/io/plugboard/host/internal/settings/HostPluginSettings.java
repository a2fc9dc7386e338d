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
public final class HostPluginSettings extends DeclaredReader implements PluginSettings {

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
    protected Optional<String> value(Setting setting) {
        return service.value(pluginId, setting);
    }

    @Override
    protected Setting setting(String key) {
        Objects.requireNonNull(key, "key");
        return service.setting(pluginId, key)
                .orElseThrow(() -> SettingReads.undeclared(pluginId, key, service.declared(pluginId)));
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
