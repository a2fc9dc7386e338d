package io.plugboard.host.internal.settings;

import io.plugboard.sdk.settings.Setting;
import java.util.List;

/**
 * One setting as the page and the API show it: a secret's value is never included, only whether one is
 * stored ({@link #value} is then {@link SettingsService#MASK}).
 */
public record SettingView(String key, String label, String type, String help, boolean required, boolean secret,
                          String defaultValue, List<String> choices, String value, boolean isSet) {

    /** @param stored the stored value, or null */
    public static SettingView of(Setting s, String stored) {
        String shown = s.secret() ? (stored == null ? "" : SettingsService.MASK)
                : stored != null ? stored : s.defaultValue() == null ? "" : s.defaultValue();
        return new SettingView(s.key(), s.label(), s.type().name().toLowerCase(), s.help(), s.required(), s.secret(),
                s.secret() ? null : s.defaultValue(), s.choices(), shown, stored != null);
    }

    /** @return true for a boolean that is on, for the checkbox */
    public boolean checked() {
        return "true".equals(value);
    }
}
