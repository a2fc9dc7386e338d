package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.common.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Setting values as the API takes them (plugin and receiver settings): an object of key to scalar. */
final class SettingValuesJson {

    private SettingValuesJson() {}

    /**
     * @param fieldPrefix put before each key in error messages ("" or e.g. "settings.")
     * @return key → value as text; null for a JSON null, which removes a stored value
     * @throws ValidationException naming each key whose value is an object or array
     */
    static Map<String, String> read(JsonNode object, String fieldPrefix) {
        Map<String, String> input = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                input.put(e.getKey(), null);
            } else if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                input.put(e.getKey(), v.asText());
            } else {
                errors.put(fieldPrefix + e.getKey(), "must be a string, number, boolean or null");
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return input;
    }
}
