package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.settings.SettingView;
import io.plugboard.sdk.settings.Setting;
import java.util.List;

/**
 * One declared {@link Setting} as a form field, rendered by the partial {@code setting-fields} wherever
 * declared settings are edited: a plugin's settings, an inbound webhook's receiver settings, a webhook's
 * destination and format settings. A secret's value is never put into the page: {@code value} is then
 * empty or the mask, as the page that reads the form expects.
 *
 * @param name the form field's name (e.g. {@code destination.settings.folder})
 * @param id the element id, also the stem of the help's and the error's ids
 * @param type the {@link io.plugboard.sdk.settings.SettingType} in lower case
 * @param value what the field shows (never a secret's value)
 * @param min the smallest integer allowed, or null
 * @param max the largest integer allowed, or null
 * @param secretHint the placeholder of a secret's field
 * @param error the message shown next to the field, or null
 */
record SettingField(String name, String id, String key, String label, String type, String help, boolean required,
                    boolean secret, List<String> choices, String value, String min, String max, String secretHint,
                    String error) {

    /** The placeholder of a stored secret on the pages that keep it when the field is sent blank. */
    static final String KEEP_WHEN_BLANK = "stored: leave blank to keep it";

    /**
     * @param view the setting as shown (its value masked if secret)
     * @param declared the declaration, for the integer range; null when only the view is at hand
     * @param shown the value to put in the field (the caller decides what a secret shows)
     */
    static SettingField of(SettingView view, Setting declared, String name, String id, String shown, String secretHint,
                           String error) {
        return new SettingField(name, id, view.key(), view.label(), view.type(), view.help(), view.required(),
                view.secret(), view.choices(), shown == null ? "" : shown,
                declared == null || declared.min() == null ? null : String.valueOf(declared.min()),
                declared == null || declared.max() == null ? null : String.valueOf(declared.max()),
                secretHint, error);
    }

    /** @return true for a boolean that is on */
    public boolean checked() {
        return "true".equals(value);
    }

    /** @return the ids of the help and the error, which a screen reader reads with the field; null for none */
    public String describedBy() {
        String ids = (help == null || help.isBlank() ? "" : " " + id + "-help") + (error == null ? "" : " " + id + "-error");
        return ids.isEmpty() ? null : ids.substring(1);
    }
}
