package io.plugboard.host.internal.settings;

import io.plugboard.sdk.Registration;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.settings.Setting;
import java.net.URI;
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

    @Override public String string(String key) { return required(key, SettingReads.STRING); }
    @Override public Optional<String> optionalString(String key) { return optional(key, SettingReads.STRING); }
    @Override public int integer(String key) { return SettingReads.toInt(setting(key), longValue(key)); }
    @Override public long longValue(String key) { return required(key, SettingReads.LONG); }
    @Override public Optional<Long> optionalLong(String key) { return optional(key, SettingReads.LONG); }
    @Override public boolean bool(String key) { return required(key, SettingReads.BOOL); }
    @Override public URI url(String key) { return required(key, SettingReads.URL); }
    @Override public Optional<URI> optionalUrl(String key) { return optional(key, SettingReads.URL); }
    @Override public String secret(String key) { return required(key, SettingReads.SECRET); }
    @Override public Optional<String> optionalSecret(String key) { return optional(key, SettingReads.SECRET); }
    @Override public String choice(String key) { return required(key, SettingReads.CHOICE); }
    @Override public Optional<String> optionalChoice(String key) { return optional(key, SettingReads.CHOICE); }

    @Override
    public Optional<Integer> optionalInteger(String key) {
        Setting setting = setting(key);
        return optionalLong(key).map(v -> SettingReads.toInt(setting, v));
    }

    private <T> T required(String key, SettingReads.Getter<T> getter) {
        Setting setting = setting(key);
        return SettingReads.required(setting, service.value(pluginId, setting), getter);
    }

    private <T> Optional<T> optional(String key, SettingReads.Getter<T> getter) {
        Setting setting = setting(key);
        return SettingReads.optional(setting, service.value(pluginId, setting), getter);
    }

    private Setting setting(String key) {
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
