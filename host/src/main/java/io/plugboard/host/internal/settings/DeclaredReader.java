package io.plugboard.host.internal.settings;

import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingReader;
import java.net.URI;
import java.util.Optional;

/**
 * The typed getters of a {@link SettingReader}, once, over {@link SettingReads}: a plugin's settings
 * ({@link HostPluginSettings}) and a webhook's plugin field values say only how a key is declared and what
 * is stored for it.
 */
public abstract class DeclaredReader implements SettingReader {

    /** @return the declaration of the key @throws io.plugboard.sdk.settings.SettingAccessException if undeclared */
    protected abstract Setting setting(String key);

    /** @return the stored value of the declared setting, else its default, else empty */
    protected abstract Optional<String> value(Setting setting);

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
        return SettingReads.required(setting, value(setting), getter);
    }

    private <T> Optional<T> optional(String key, SettingReads.Getter<T> getter) {
        Setting setting = setting(key);
        return SettingReads.optional(setting, value(setting), getter);
    }

    /** @return the refusal of an undeclared key, naming what the owner declared */
    protected static RuntimeException undeclared(String owner, String key, java.util.List<Setting> declared) {
        return SettingReads.undeclared(owner, key, declared);
    }
}
