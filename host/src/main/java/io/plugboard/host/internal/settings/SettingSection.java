package io.plugboard.host.internal.settings;

import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingsSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of a plugin's settings page and API answer: a section's heading and help (both null for the
 * settings declared without a section) and its keys in declared order. Sections come in the order of
 * their first setting, so a plugin can declare its settings in any order and still get one heading each.
 */
public record SettingSection(String heading, String help, List<String> keys) {

    /**
     * @return the settings grouped by section
     * @throws IllegalArgumentException if two sections share a heading but not their help
     */
    static List<SettingSection> group(List<Setting> settings) {
        Map<String, SettingsSection> byHeading = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Setting s : settings) {
            SettingsSection section = s.section();
            String heading = section == null ? null : section.heading();
            SettingsSection before = byHeading.putIfAbsent(heading, section);
            if (before != null && !before.equals(section)) {
                throw new IllegalArgumentException("the settings section '" + heading
                        + "' is declared twice with different help (setting " + s.key() + ")");
            }
            keys.computeIfAbsent(heading, h -> new ArrayList<>()).add(s.key());
        }
        List<SettingSection> out = new ArrayList<>();
        keys.forEach((heading, list) -> {
            SettingsSection section = byHeading.get(heading);
            out.add(new SettingSection(heading, section == null ? null : section.help(), List.copyOf(list)));
        });
        return out;
    }
}
