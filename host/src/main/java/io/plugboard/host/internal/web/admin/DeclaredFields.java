package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.settings.SettingView;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a destination or a payload format declares, as fields of the webhook form and back. A
 * stored secret is shown as the mask, which the host reads as "keep the stored value"; clearing the field
 * removes it. An unchecked box sends nothing, so a declared boolean missing from the form is read as false.
 */
final class DeclaredFields {

    static final String SECRET_HINT = "stored (shown masked): leave it to keep it, type a new value or clear it";

    private DeclaredFields() {}

    /**
     * @param values what to show by key: stored values as {@code OutboundCatalog} shows them (secrets masked)
     *     or what was typed; a missing key shows the default
     * @param errors the form's errors; the one of each field is keyed {@code errorPrefix + key}
     */
    static List<SettingField> fields(List<Setting> declared, String namePrefix, String idPrefix,
                                     Map<String, String> values, Map<String, String> errors, String errorPrefix) {
        List<SettingField> fields = new ArrayList<>();
        for (Setting s : declared) {
            SettingView v = SettingView.of(s, values.get(s.key()));
            String shown = s.secret() ? (v.isSet() ? SettingsService.MASK : "") : v.value();
            fields.add(SettingField.of(v, s, namePrefix + s.key(), idPrefix + s.key(), shown,
                    v.isSet() ? SECRET_HINT : "not set", errors.get(errorPrefix + s.key())));
        }
        return fields;
    }

    /** @return the declared settings the form sent under {@code namePrefix}, booleans not sent as false */
    static Map<String, String> input(Context ctx, String namePrefix, List<Setting> declared) {
        Map<String, String> input = new LinkedHashMap<>();
        for (Setting s : declared) {
            String value = ctx.formParam(namePrefix + s.key());
            if (value != null) {
                input.put(s.key(), value);
            } else if (s.type() == SettingType.BOOLEAN) {
                input.put(s.key(), "false");
            }
        }
        return input;
    }

    /**
     * @return what to show again after a refused form: the typed values, but for secrets only whether one
     *     is stored (a typed secret is never put back into the page)
     */
    static Map<String, String> retyped(List<Setting> declared, Map<String, String> typed, Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : declared) {
            String value = s.secret() ? stored.get(s.key()) : typed.get(s.key());
            if (value != null) {
                out.put(s.key(), value);
            }
        }
        return out;
    }
}
