package io.plugboard.host.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad value becomes one message under its field, all found at once, nothing returned. */
class TestSettingChanges {

    private static final List<Setting> SETTINGS = List.of(
            Setting.builder("title", SettingType.STRING).build(),
            Setting.builder("count", SettingType.INTEGER).range(1, 10).build(),
            Setting.builder("size", SettingType.INTEGER).build(),
            Setting.builder("on", SettingType.BOOLEAN).build(),
            Setting.builder("site", SettingType.URL).build(),
            Setting.builder("colour", SettingType.CHOICE).choices("red", "blue").build(),
            Setting.builder("notes", SettingType.TEXT).build());

    @Test
    void eachBadValueIsAFieldErrorWithWhatToFix() {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("title", "two\nlines");
        input.put("count", "11");
        input.put("size", "many");
        input.put("on", "maybe");
        input.put("site", "ftp://example.com/");
        input.put("colour", "green");
        input.put("notes", "x".repeat(SettingValues.MAX_TEXT + 1));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> SettingChanges.of("p", SETTINGS, Map.of(), input, false));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.fieldErrors()).containsExactly(
                Map.entry("title", "must be one line"),
                Map.entry("count", "must be between 1 and 10"),
                Map.entry("size", "must be a whole number"),
                Map.entry("on", "must be true or false"),
                Map.entry("site", "must be an absolute http:// or https:// URL"),
                Map.entry("colour", "must be one of red, blue"),
                Map.entry("notes", "must be at most " + SettingValues.MAX_TEXT + " characters"));
    }

    @Test
    void goodValuesAreNormalised() {
        Map<String, String> changes = SettingChanges.of("p", SETTINGS, Map.of(),
                Map.of("title", "  hi  ", "count", "07", "on", "Yes", "site", "https://example.com/x"), false);
        assertThat(changes).containsEntry("title", "hi").containsEntry("count", "7").containsEntry("on", "true")
                .containsEntry("site", "https://example.com/x");
    }
}
