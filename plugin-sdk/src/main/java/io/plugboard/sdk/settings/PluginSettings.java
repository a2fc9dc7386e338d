package io.plugboard.sdk.settings;

import io.plugboard.sdk.Registration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A plugin's settings: it declares them (usually in {@code start()}), the host renders the page
 * {@code /admin/plugins/<id>/settings} and the API {@code /api/v1/plugins/<id>/settings}, checks and
 * stores the values in its database (they survive restarts), and the plugin reads them here.
 * Reading a key that was not declared throws {@link IllegalArgumentException}.
 */
public interface PluginSettings {

    /**
     * Declares the plugin's settings, replacing an earlier declaration. Stored values of keys no longer
     * declared are kept but not shown.
     *
     * @param settings in the order the page shows them
     * @throws IllegalArgumentException if a key appears twice
     */
    void declare(List<Setting> settings);

    /** @return the declared settings */
    List<Setting> declared();

    /** @param key a declared key @return the stored value, else the default, else empty */
    Optional<String> get(String key);

    /** @param key a declared key @return the value as text, or {@code ""} when there is none */
    String getString(String key);

    /**
     * @param key a declared {@link SettingType#INTEGER}
     * @param fallback returned when there is no value
     * @return the value
     */
    long getLong(String key, long fallback);

    /** @param key a declared {@link SettingType#BOOLEAN} @return the value; false when there is none */
    boolean getBoolean(String key);

    /**
     * Tells the plugin after settings were saved (from the page or the API), on the saving thread.
     *
     * @param listener receives the keys whose values changed
     * @return the handle that removes the listener
     */
    Registration onChange(Consumer<Set<String>> listener);
}
