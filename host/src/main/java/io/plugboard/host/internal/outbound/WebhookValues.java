package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.settings.DeclaredReader;
import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plugin reads with {@code PluginContext.webhookValues}: the values of its webhook form fields for
 * one webhook, with the declarations taken when the view was made (the getters are the plugin settings').
 */
final class WebhookValues extends DeclaredReader {

    private final String pluginId;
    private final List<Setting> declared;
    private final Map<String, String> values;

    WebhookValues(PluginFields fields, String pluginId, String webhookId, List<Setting> declared) {
        this.pluginId = pluginId;
        this.declared = declared;
        this.values = fields.values(Objects.requireNonNull(webhookId, "webhookId"), pluginId, declared);
    }

    @Override
    protected Setting setting(String key) {
        Objects.requireNonNull(key, "key");
        return declared.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> undeclared(pluginId, key, declared));
    }

    @Override
    protected Optional<String> value(Setting setting) {
        String stored = values.get(setting.key());
        return Optional.ofNullable(stored != null ? stored : setting.defaultValue());
    }
}
