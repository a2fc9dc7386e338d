package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.inbound.AvailableReceiver;
import io.plugboard.host.internal.settings.SettingView;
import io.plugboard.sdk.settings.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a receiver's settings on the inbound pages (the partial {@code inbound-settings}):
 * secrets are never put back into the page, and field errors ({@code settings.<key>}) appear at their field.
 */
final class InboundSettingsForm {

    static final String FIELD_PREFIX = "s_";

    private InboundSettingsForm() {}

    /** @param entered values typed into a form that failed, shown again (not for secrets); may be empty */
    static List<Map<String, Object>> fields(AvailableReceiver receiver, Map<String, String> stored,
                                            Map<String, String> entered, Map<String, String> errors) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Setting s : receiver.settings()) {
            SettingView v = SettingView.of(s, stored.get(s.key()));
            String value = !s.secret() && entered.containsKey(s.key()) ? entered.get(s.key()) : v.value();
            Map<String, Object> field = new HashMap<>();
            field.put("name", FIELD_PREFIX + s.key());
            field.put("key", s.key());
            field.put("label", s.label());
            field.put("type", v.type());
            field.put("help", s.help());
            field.put("required", s.required());
            field.put("secret", s.secret());
            field.put("choices", s.choices());
            field.put("value", s.secret() ? "" : value);
            field.put("checked", "true".equals(value));
            field.put("isSet", v.isSet());
            field.put("error", errors.get("settings." + s.key()));
            fields.add(field);
        }
        return fields;
    }

    /** @return the settings a form sent, by key (fields named {@code s_<key>}) */
    static Map<String, String> input(Context ctx) {
        Map<String, String> input = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX) && !values.isEmpty()) {
                input.put(name.substring(FIELD_PREFIX.length()), values.get(0));
            }
        });
        return input;
    }

    /** @return the errors not shown at a settings field (name, receiver, …) */
    static List<String> otherErrors(Map<String, String> errors) {
        return errors.entrySet().stream().filter(e -> !e.getKey().startsWith("settings."))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
