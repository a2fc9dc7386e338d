package io.plugboard.host.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import io.plugboard.sdk.settings.SettingsSection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How declared settings are grouped under their sections for the page and the API. */
class TestSettingSections {

    private static final SettingsSection CONNECTION = SettingsSection.of("Connection", "Where to send.");

    private static Setting setting(String key, SettingsSection section) {
        Setting.Builder b = Setting.builder(key, SettingType.STRING);
        return (section == null ? b : b.section(section)).build();
    }

    @Test
    void sectionsComeInTheOrderOfTheirFirstSettingAndKeepTheDeclaredOrderInside() {
        List<SettingSection> groups = SettingSection.group(List.of(setting("name", null), setting("host", CONNECTION),
                setting("tag", null), setting("port", SettingsSection.of("Connection", "Where to send."))));

        assertThat(groups).containsExactly(new SettingSection(null, null, List.of("name", "tag")),
                new SettingSection("Connection", "Where to send.", List.of("host", "port")));
    }

    @Test
    void oneHeadingWithTwoHelpsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SettingSection.group(List.of(setting("host", CONNECTION),
                setting("port", SettingsSection.of("Connection", "Other help.")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Connection'").hasMessageContaining("port");
    }

    @Test
    void aSectionNeedsAHeading() {
        assertThatThrownBy(() -> SettingsSection.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SettingsSection.of("Tuning").help()).isEmpty();
    }
}
