package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.settings.SettingChanges;
import io.plugboard.sdk.inbound.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of an inbound webhook: checked with the plugin settings' rules ({@link SettingChanges}),
 * then by the receiver's {@code verify}. Field errors are keyed {@code settings.<key>}.
 */
final class ReceiverSettings {

    /**
     * @return the new stored values
     * @throws ValidationException naming each setting to fix
     */
    Map<String, String> apply(AvailableReceiver receiver, Map<String, String> current, Map<String, String> input,
                              boolean wholeForm) {
        Map<String, String> changes;
        try {
            changes = SettingChanges.of("the receiver " + receiver.id(), receiver.settings(), current, input, wholeForm);
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
        Map<String, String> problems = new LinkedHashMap<>(SettingChanges.missing(receiver.settings(), values));
        if (problems.isEmpty()) {
            problems.putAll(verified(receiver, values));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(prefixed(problems));
        }
        return values;
    }

    /** @return what is wrong with stored values, by setting key; empty when usable */
    Map<String, String> problems(AvailableReceiver receiver, Map<String, String> values) {
        Map<String, String> missing = SettingChanges.missing(receiver.settings(), values);
        return missing.isEmpty() ? verified(receiver, values) : missing;
    }

    /** @return the values with each unset setting's default */
    static Map<String, String> withDefaults(AvailableReceiver receiver, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        for (Setting s : receiver.settings()) {
            if (!all.containsKey(s.key()) && s.defaultValue() != null) {
                all.put(s.key(), s.defaultValue());
            }
        }
        return Map.copyOf(all);
    }

    private static Map<String, String> verified(AvailableReceiver receiver, Map<String, String> values) {
        try {
            receiver.receiver().verify(withDefaults(receiver, values));
            return Map.of();
        } catch (InvalidSettingsException e) {
            return e.problems();
        } catch (RuntimeException | LinkageError e) {
            return Map.of("receiver", "the receiver's verify failed: " + e);
        }
    }

    static Map<String, String> prefixed(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.put(k.equals("receiver") ? k : "settings." + k, v));
        return out;
    }
}
