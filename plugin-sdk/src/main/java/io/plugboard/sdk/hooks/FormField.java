package io.plugboard.sdk.hooks;

import io.plugboard.sdk.settings.Setting;
import java.util.Objects;

/**
 * One editable field a plugin adds to the webhook form ({@link WebhookForm#withField}). Its value is
 * stored per webhook for that plugin, checked with the rules of plugin settings, and read back with
 * {@link io.plugboard.sdk.PluginContext#webhookValues(String)}.
 *
 * @param pluginId the plugin that added it: null while the plugin's filter runs, filled in by the host after it
 * @param setting the field's declaration (key, label, type, help, required, default, choices, secret)
 */
public record FormField(String pluginId, Setting setting) {

    /** Checks that the setting is there. */
    public FormField {
        Objects.requireNonNull(setting, "setting");
    }
}
