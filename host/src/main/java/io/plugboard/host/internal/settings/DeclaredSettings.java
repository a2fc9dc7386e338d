package io.plugboard.host.internal.settings;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings an extension declares for each thing made with it — a receiver for each inbound webhook,
 * a destination or a payload format for each webhook — checked with the plugin settings' rules
 * ({@link SettingChanges}), then by the extension's own {@code verify}. Field errors are keyed
 * {@code <prefix><key>}; a failure of the extension's check itself is keyed {@code <owner field>}.
 *
 * @param owner who declared them, named in messages (e.g. {@code the destination rabbitmq})
 * @param ownerField the field a broken {@code verify} is reported on (e.g. {@code destination})
 * @param prefix put before each setting's key in field errors (e.g. {@code destination.settings.})
 * @param verify the extension's own check of values with defaults applied; throws
 *     {@link InvalidSettingsException} (anything else it throws is reported as a broken check)
 */
public record DeclaredSettings(String owner, String ownerField, String prefix, List<Setting> declared,
                               Consumer<Map<String, String>> verify) {

    public DeclaredSettings {
        declared = List.copyOf(declared);
    }

    /**
     * @param input what the form or API sent: a secret sent blank or masked keeps its value
     * @param wholeForm true for a form, where an unchecked box is absent and means false
     * @return the values to store
     * @throws ValidationException naming each setting to fix; nothing may be stored then
     */
    public Map<String, String> apply(Map<String, String> current, Map<String, String> input, boolean wholeForm) {
        Map<String, String> changes;
        try {
            changes = SettingChanges.of(owner, declared, current, input, wholeForm);
        } catch (ValidationException e) {
            throw new ValidationException(prefixed(e.fieldErrors()));
        }
        Map<String, String> values = new HashMap<>(current);
        changes.forEach((key, value) -> {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        });
        Map<String, String> problems = problems(values);
        if (!problems.isEmpty()) {
            throw new ValidationException(prefixed(problems));
        }
        return Map.copyOf(values);
    }

    /**
     * @return the given values, each one sent as the mask replaced by the current value (a form or API
     *     client echoing what it was shown keeps a secret it never saw)
     */
    public static Map<String, String> keepMasked(Map<String, String> current, Map<String, String> given) {
        Map<String, String> out = new HashMap<>(given);
        given.forEach((key, value) -> {
            if (SettingsService.MASK.equals(value) && current.containsKey(key)) {
                out.put(key, current.get(key));
            }
        });
        return out;
    }

    /** @return what is wrong with stored values, by setting key; empty when usable */
    public Map<String, String> problems(Map<String, String> values) {
        Map<String, String> missing = SettingChanges.missing(declared, values);
        return missing.isEmpty() ? verified(values) : missing;
    }

    /** @return the values with each unset setting's default */
    public Map<String, String> withDefaults(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        for (Setting s : declared) {
            if (!all.containsKey(s.key()) && s.defaultValue() != null) {
                all.put(s.key(), s.defaultValue());
            }
        }
        return Map.copyOf(all);
    }

    /** @return the values as they may be shown: each secret one that is set replaced by the mask */
    public Map<String, String> masked(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : declared) {
            String value = values.get(s.key());
            if (value != null) {
                out.put(s.key(), s.secret() ? SettingsService.MASK : value);
            }
        }
        return out;
    }

    /** @return the values with defaults, without the secret ones: what an extension may describe in lists */
    public Map<String, String> withoutSecrets(Map<String, String> values) {
        Map<String, String> out = new HashMap<>(withDefaults(values));
        declared.stream().filter(Setting::secret).forEach(s -> out.remove(s.key()));
        return out;
    }

    private Map<String, String> verified(Map<String, String> values) {
        try {
            verify.accept(withDefaults(values));
            return Map.of();
        } catch (InvalidSettingsException e) {
            return e.problems();
        } catch (RuntimeException | LinkageError e) {
            return Map.of(ownerField, "the check of " + owner + " failed: " + e);
        }
    }

    /** @return the errors with each setting's key prefixed; the owner field's error as it is */
    public Map<String, String> prefixed(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.put(k.equals(ownerField) ? k : prefix + k, v));
        return out;
    }
}
