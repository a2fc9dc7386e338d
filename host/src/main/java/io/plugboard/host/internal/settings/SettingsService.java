package io.plugboard.host.internal.settings;

import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.settings.Setting;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin settings: what each running plugin declared, the stored values (read through a cache, since
 * plugins may read them on every delivery), checked updates, and change listeners. Declarations and
 * listeners go when the plugin stops; stored values stay until it is uninstalled. Settings declared
 * secret are stored sealed with the secrets key.
 */
public final class SettingsService {

    /** What is shown instead of a stored secret; sending it back keeps the secret. */
    public static final String MASK = "********";

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsStore store;
    private final SealedValues sealed;
    private final Map<String, List<Setting>> declared = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Set<String>>>> listeners = new ConcurrentHashMap<>();

    public SettingsService(Jdbi jdbi, SealedValues sealed, Clock clock) {
        this.store = new SettingsStore(jdbi, clock);
        this.sealed = sealed;
    }

    void declare(String pluginId, List<Setting> settings) {
        Set<String> keys = new HashSet<>();
        for (Setting s : settings) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException("the setting " + s.key() + " is declared twice");
            }
        }
        SettingSection.group(settings);
        declared.put(pluginId, List.copyOf(settings));
    }

    List<Setting> declared(String pluginId) {
        return declared.getOrDefault(pluginId, List.of());
    }

    /** @return whether the plugin is running and declared settings */
    public boolean hasSettings(String pluginId) {
        return !declared(pluginId).isEmpty();
    }

    /** @return the declared setting, or empty if the plugin did not declare the key */
    Optional<Setting> setting(String pluginId, String key) {
        return declared(pluginId).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** @return the stored value of a declared setting, else its default, else empty */
    Optional<String> value(String pluginId, Setting setting) {
        String stored = cache.computeIfAbsent(pluginId, this::load).get(setting.key());
        return Optional.ofNullable(stored != null ? stored : setting.defaultValue());
    }

    /** @return the value of a declared key, as {@link #value(String, Setting)} */
    Optional<String> value(String pluginId, String key) {
        return value(pluginId, setting(pluginId, key)
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not a declared setting")));
    }

    /** @throws NotFoundException if the plugin is not running or declared no settings */
    public List<SettingSection> sections(String pluginId) {
        return SettingSection.group(requireDeclared(pluginId));
    }

    /** @throws NotFoundException if the plugin is not running or declared no settings */
    public List<SettingView> view(String pluginId) {
        Map<String, String> stored = cache.computeIfAbsent(pluginId, this::load);
        return requireDeclared(pluginId).stream().map(s -> SettingView.of(s, stored.get(s.key()))).toList();
    }

    /**
     * Checks and stores new values, then tells the plugin which changed. A key absent from the input
     * keeps its value, except a boolean when {@code wholeForm} (an unticked checkbox sends nothing). A
     * secret sent blank or as {@link #MASK} keeps its value; a null value (from the API) removes the
     * stored one.
     *
     * @return the keys whose values changed
     * @throws ValidationException with one message per field; nothing is stored then
     */
    public Set<String> update(String pluginId, Map<String, String> input, boolean wholeForm) {
        List<Setting> settings = requireDeclared(pluginId);
        Map<String, String> current = cache.computeIfAbsent(pluginId, this::load);
        Map<String, String> changes = SettingChanges.of(pluginId, settings, current, input, wholeForm);
        if (!changes.isEmpty()) {
            store.save(pluginId, sealSecrets(pluginId, settings, changes));
            cache.remove(pluginId);
            notify(pluginId, Set.copyOf(changes.keySet()));
        }
        return changes.keySet();
    }

    /** The stored values, secret ones opened; one that no longer opens counts as unset (and is logged). */
    private Map<String, String> load(String pluginId) {
        Map<String, String> values = store.load(pluginId);
        for (Setting s : declared(pluginId)) {
            String stored = values.get(s.key());
            if (s.secret() && stored != null) {
                Optional<String> open = sealed.open(place(pluginId, s.key()), stored);
                if (open.isEmpty()) {
                    log.warn("The secret setting '{}' of plugin '{}' cannot be decrypted (was the secrets key "
                            + "changed?); it counts as unset until it is entered again", s.key(), pluginId);
                }
                values.compute(s.key(), (k, v) -> open.orElse(null));
            }
        }
        return values;
    }

    private Map<String, String> sealSecrets(String pluginId, List<Setting> settings, Map<String, String> changes) {
        Map<String, String> out = new LinkedHashMap<>(changes);
        for (Setting s : settings) {
            String value = out.get(s.key());
            if (s.secret() && value != null) {
                out.put(s.key(), sealed.seal(place(pluginId, s.key()), value));
            }
        }
        return out;
    }

    private static String place(String pluginId, String key) {
        return "plugin-setting:" + pluginId + ":" + key;
    }

    Registration onChange(String pluginId, Consumer<Set<String>> listener) {
        List<Consumer<Set<String>>> list = listeners.computeIfAbsent(pluginId, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** The plugin stopped: its declarations and listeners go, its stored values stay. */
    public void forget(String pluginId) {
        declared.remove(pluginId);
        listeners.remove(pluginId);
        cache.remove(pluginId);
    }

    /** The plugin was uninstalled: its stored values go too. */
    public void deleteAll(String pluginId) {
        forget(pluginId);
        store.deleteAll(pluginId);
    }

    private void notify(String pluginId, Set<String> changed) {
        for (Consumer<Set<String>> listener : listeners.getOrDefault(pluginId, List.of())) {
            try {
                listener.accept(changed);
            } catch (RuntimeException | LinkageError e) {
                log.warn("The settings listener of plugin '{}' threw: {}", pluginId, e, e);
            }
        }
    }

    private List<Setting> requireDeclared(String pluginId) {
        List<Setting> settings = declared(pluginId);
        if (settings.isEmpty()) {
            throw new NotFoundException("plugin '" + pluginId + "' is not running or has no settings");
        }
        return settings;
    }
}
