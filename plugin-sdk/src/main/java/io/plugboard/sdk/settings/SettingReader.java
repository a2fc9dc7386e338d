package io.plugboard.sdk.settings;

import java.net.URI;
import java.util.Optional;

/**
 * Typed reads of declared values: a plugin's settings ({@link PluginSettings}) and the values of the fields
 * it added to a webhook's form ({@link io.plugboard.sdk.PluginContext#webhookValues(String)}). The rule is
 * the one {@link PluginSettings} describes: each type has a plain getter and an {@code optional…} one; the
 * value is the stored one, else the default; a missing value makes the plain getter throw
 * {@link SettingAccessException}, an undeclared key or the getter of another type too.
 */
public interface SettingReader {

    /** @param key a declared {@link SettingType#STRING} or {@link SettingType#TEXT}, not secret @return its value */
    String string(String key);

    /** @param key a declared {@link SettingType#STRING} or {@link SettingType#TEXT}, not secret @return its value, if any */
    Optional<String> optionalString(String key);

    /**
     * @param key a declared {@link SettingType#INTEGER}
     * @return its value
     * @throws SettingAccessException also if the value does not fit an {@code int} (use {@link #longValue})
     */
    int integer(String key);

    /** @param key a declared {@link SettingType#INTEGER} @return its value, if any */
    Optional<Integer> optionalInteger(String key);

    /** @param key a declared {@link SettingType#INTEGER} @return its value */
    long longValue(String key);

    /** @param key a declared {@link SettingType#INTEGER} @return its value, if any */
    Optional<Long> optionalLong(String key);

    /**
     * @param key a declared {@link SettingType#BOOLEAN}
     * @return its value; a boolean without a stored value or a default is {@code false} (an unticked box)
     */
    boolean bool(String key);

    /** @param key a declared {@link SettingType#URL} @return its value */
    URI url(String key);

    /** @param key a declared {@link SettingType#URL} @return its value, if any */
    Optional<URI> optionalUrl(String key);

    /** @param key a declared {@link SettingType#STRING} or {@link SettingType#TEXT} marked secret @return its plain value */
    String secret(String key);

    /** @param key a declared secret {@link SettingType#STRING} or {@link SettingType#TEXT} @return its plain value, if any */
    Optional<String> optionalSecret(String key);

    /** @param key a declared {@link SettingType#CHOICE} @return the chosen value, one of its choices */
    String choice(String key);

    /** @param key a declared {@link SettingType#CHOICE} @return the chosen value, if any */
    Optional<String> optionalChoice(String key);
}
