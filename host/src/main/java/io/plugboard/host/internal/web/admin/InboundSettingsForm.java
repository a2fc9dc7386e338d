package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.inbound.AvailableReceiver;
import io.plugboard.host.internal.settings.SettingView;
import io.plugboard.sdk.settings.Setting;
import java.util.ArrayList;
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
    static List<SettingField> fields(AvailableReceiver receiver, Map<String, String> stored,
                                     Map<String, String> entered, Map<String, String> errors) {
        List<SettingField> fields = new ArrayList<>();
        for (Setting s : receiver.settings()) {
            SettingView v = SettingView.of(s, stored.get(s.key()));
            String value = !s.secret() && entered.containsKey(s.key()) ? entered.get(s.key()) : v.value();
            fields.add(SettingField.of(v, s, FIELD_PREFIX + s.key(), FIELD_PREFIX + s.key(), s.secret() ? "" : value,
                    v.isSet() ? SettingField.KEEP_WHEN_BLANK : "not set", errors.get("settings." + s.key())));
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
