package io.plugboard.host.internal.settings;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a form or the API sent into the changes to store, or refuses it with one message per field.
 * Shared by plugin settings and the settings of inbound webhooks (whose owner is a receiver).
 */
public final class SettingChanges {

    private SettingChanges() {}

    /**
     * @param pluginId who declared the settings, named in the message for an undeclared key
     * @return key to new value (null: remove the stored value), only for values that change
     * @throws ValidationException if any field is invalid; nothing may be stored then
     */
    public static Map<String, String> of(String pluginId, List<Setting> settings, Map<String, String> current,
                                  Map<String, String> input, boolean wholeForm) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> changes = new LinkedHashMap<>();
        for (String key : input.keySet()) {
            if (settings.stream().noneMatch(s -> s.key().equals(key))) {
                errors.put(key, "is not a setting of " + pluginId);
            }
        }
        for (Setting s : settings) {
            boolean present = input.containsKey(s.key());
            if (!present && !(wholeForm && s.type() == SettingType.BOOLEAN)) {
                continue;
            }
            String raw = present ? input.get(s.key()) : "false";
            boolean stored = current.containsKey(s.key());
            if (raw != null && s.secret() && (raw.isBlank() || raw.equals(SettingsService.MASK))) {
                if (s.required() && !stored) {
                    errors.put(s.key(), "is required");
                }
                continue;
            }
            if (raw == null || raw.isBlank()) {
                if (s.required() && s.defaultValue() == null) {
                    errors.put(s.key(), "is required");
                } else if (stored) {
                    changes.put(s.key(), null);
                }
                continue;
            }
            try {
                String value = SettingValues.normalize(s, raw);
                if (!value.equals(current.get(s.key()))) {
                    changes.put(s.key(), value);
                }
            } catch (ValidationException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return changes;
    }

    /** @return the required settings that have neither a value nor a default, as field errors (empty if none) */
    public static Map<String, String> missing(List<Setting> settings, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Setting s : settings) {
            if (s.required() && s.defaultValue() == null && !values.containsKey(s.key())) {
                errors.put(s.key(), "is required");
            }
        }
        return errors;
    }
}
