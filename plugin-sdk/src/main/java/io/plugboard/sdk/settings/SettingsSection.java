package io.plugboard.sdk.settings;

import java.util.Objects;

/**
 * A heading, with an optional sentence of help, under which settings are grouped on the plugin's
 * settings page and in {@code GET /api/v1/plugins/<id>/settings}. Give it to each of its settings with
 * {@link Setting.Builder#section(SettingsSection)}; sections appear in the order of their first setting.
 *
 * <pre>{@code
 * SettingsSection connection = SettingsSection.of("Connection", "Where the plugin sends its reports.");
 * Setting.builder("endpoint", SettingType.URL).section(connection).required().build()
 * }</pre>
 *
 * @param heading shown as the section's heading; not blank
 * @param help shown under the heading, or empty
 */
public record SettingsSection(String heading, String help) {

    /** @throws IllegalArgumentException if the heading is blank */
    public SettingsSection {
        Objects.requireNonNull(heading, "heading");
        if (heading.isBlank()) {
            throw new IllegalArgumentException("a settings section needs a heading");
        }
        help = help == null ? "" : help;
    }

    /** @param heading the section's heading @return a section without help */
    public static SettingsSection of(String heading) {
        return new SettingsSection(heading, "");
    }

    /** @param heading the section's heading @param help shown under it @return the section */
    public static SettingsSection of(String heading, String help) {
        return new SettingsSection(heading, help);
    }
}
