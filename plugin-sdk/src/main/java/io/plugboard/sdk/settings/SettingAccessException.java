package io.plugboard.sdk.settings;

/**
 * Thrown by the getters of {@link PluginSettings} when a plugin reads a setting it did not declare, reads
 * one with the getter of another type, or reads a required value that has neither a stored value nor a
 * default. The message names the key and its declared type, e.g.
 * {@code setting 'batch_size' is INTEGER: read it with integer(), optionalInteger(), longValue() or optionalLong()}.
 * It is a bug in the plugin (or a setting the admin has not filled in yet), not bad input.
 */
public class SettingAccessException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /** @param key the setting read @param message what is wrong, naming the key and its declared type */
    public SettingAccessException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** @return the key that was read */
    public String key() {
        return key;
    }
}
