package io.plugboard.sdk.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown when settings are not usable: by {@link io.plugboard.sdk.inbound.Receiver#verify},
 * {@link io.plugboard.sdk.outbound.Destination#verify} and {@link io.plugboard.sdk.outbound.PayloadFormat#verify}. The host shows each message next to
 * its setting and stores nothing.
 */
public class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> problems;

    /**
     * @param problems what is wrong, by setting key, e.g. {@code secret} → "must start with whsec_"
     * @throws IllegalArgumentException if there is no problem
     */
    public InvalidSettingsException(Map<String, String> problems) {
        super("the settings are not usable: " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("name at least one problem");
        }
        this.problems = Map.copyOf(new LinkedHashMap<>(problems));
    }

    /**
     * @param key the setting that is wrong
     * @param problem what to fix
     * @return the exception for one setting
     */
    public static InvalidSettingsException of(String key, String problem) {
        return new InvalidSettingsException(Map.of(key, problem));
    }

    /** @return what is wrong, by setting key */
    public Map<String, String> problems() {
        return problems;
    }
}
