package io.plugboard.sdk.inbound;

import java.util.Map;

/**
 * The settings refusal's first home, kept so that receivers built against an earlier SDK still load.
 *
 * @deprecated throw {@link io.plugboard.sdk.settings.InvalidSettingsException}, which destinations and
 *     payload formats share with receivers; the host treats both alike
 */
@Deprecated
public class InvalidSettingsException extends io.plugboard.sdk.settings.InvalidSettingsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problems what is wrong, by setting key
     * @throws IllegalArgumentException if there is no problem
     */
    public InvalidSettingsException(Map<String, String> problems) {
        super(problems);
    }

    /**
     * @param key the setting that is wrong
     * @param problem what to fix
     * @return the exception for one setting
     */
    public static InvalidSettingsException of(String key, String problem) {
        return new InvalidSettingsException(Map.of(key, problem));
    }
}
