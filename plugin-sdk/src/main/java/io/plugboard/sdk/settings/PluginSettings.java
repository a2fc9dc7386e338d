package io.plugboard.sdk.settings;

import io.plugboard.sdk.Registration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A plugin's settings: it declares them (usually in {@code start()}), the host renders the page
 * {@code /admin/plugins/<id>/settings} and the API {@code /api/v1/plugins/<id>/settings}, checks and
 * stores the values in its database (they survive restarts), and the plugin reads them here.
 *
 * <p>Reading follows one rule. Each type has a getter that returns the value, and an {@code optional…}
 * one. The value is the stored one, else the setting's default. When there is neither, the plain getter
 * throws {@link SettingAccessException} (so give a setting the plugin cannot do without a default, or
 * mark it {@code required()} and read it where a missing value may fail), and the optional one is empty.
 * Reading a key that was not declared, or with the getter of another type (or a secret with
 * {@link #string}), throws {@link SettingAccessException} naming the key and its declared type.
 * Values are cached, so reading them on every delivery is cheap.
 */
public interface PluginSettings extends SettingReader {

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

    /**
     * Tells the plugin after settings were saved (from the page or the API), on the saving thread.
     *
     * @param listener receives the keys whose values changed
     * @return the handle that removes the listener
     */
    Registration onChange(Consumer<Set<String>> listener);
}
