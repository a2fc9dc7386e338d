package io.plugboard.sdk.settings;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting a plugin declares: the host renders it on the plugin's settings page, checks what the
 * admin enters and stores it. Build one with {@link #builder(String, SettingType)}.
 *
 * <pre>{@code
 * Setting.builder("api_key", SettingType.STRING).label("API key").required().secret().build()
 * }</pre>
 */
public final class Setting {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final String key;
    private final String label;
    private final SettingType type;
    private final String defaultValue;
    private final boolean required;
    private final boolean secret;
    private final String help;
    private final List<String> choices;
    private final Long min;
    private final Long max;
    private final SettingsSection section;

    private Setting(Builder b) {
        this.key = b.key;
        this.label = b.label == null ? b.key : b.label;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.required = b.required;
        this.secret = b.secret;
        this.help = b.help == null ? "" : b.help;
        this.choices = List.copyOf(b.choices);
        this.min = b.min;
        this.max = b.max;
        this.section = b.section;
    }

    /**
     * @param key 1–64 lower-case letters, digits or underscores, starting with a letter
     * @param type what kind of value it holds
     * @return a builder
     */
    public static Builder builder(String key, SettingType type) {
        return new Builder(key, type);
    }

    /** @return the key the value is stored and read under */
    public String key() { return key; }

    /** @return the label shown next to the field */
    public String label() { return label; }

    /** @return the kind of value */
    public SettingType type() { return type; }

    /** @return the value used while none is stored, or null */
    public String defaultValue() { return defaultValue; }

    /** @return whether a value (stored or default) must exist */
    public boolean required() { return required; }

    /** @return whether the value is masked when shown (API keys, passwords) */
    public boolean secret() { return secret; }

    /** @return a sentence shown under the field, or empty */
    public String help() { return help; }

    /** @return the allowed values of a {@link SettingType#CHOICE} */
    public List<String> choices() { return choices; }

    /** @return the smallest allowed {@link SettingType#INTEGER}, or null */
    public Long min() { return min; }

    /** @return the largest allowed {@link SettingType#INTEGER}, or null */
    public Long max() { return max; }

    /** @return the section it is shown under, or null for none */
    public SettingsSection section() { return section; }

    /** Builds a {@link Setting}. */
    public static final class Builder {
        private final String key;
        private final SettingType type;
        private String label;
        private String defaultValue;
        private boolean required;
        private boolean secret;
        private String help;
        private List<String> choices = List.of();
        private Long min;
        private Long max;
        private SettingsSection section;

        private Builder(String key, SettingType type) {
            Objects.requireNonNull(key, "key");
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("a setting key is 1-64 of a-z, 0-9 and _, starting with a letter: " + key);
            }
            this.key = key;
            this.type = Objects.requireNonNull(type, "type");
        }

        /** @param label shown next to the field @return this builder */
        public Builder label(String label) { this.label = label; return this; }

        /** @param value used while no value is stored @return this builder */
        public Builder defaultValue(String value) { this.defaultValue = value; return this; }

        /** @return this builder, for a setting that must have a value */
        public Builder required() { this.required = true; return this; }

        /** @return this builder, for a value that is never shown back in full */
        public Builder secret() { this.secret = true; return this; }

        /** @param help shown under the field @return this builder */
        public Builder help(String help) { this.help = help; return this; }

        /** @param values the allowed values of a choice @return this builder */
        public Builder choices(String... values) { this.choices = List.of(values); return this; }

        /** @param min the smallest allowed integer @param max the largest @return this builder */
        public Builder range(long min, long max) { this.min = min; this.max = max; return this; }

        /** @param section the heading it is grouped under on the page and in the API @return this builder */
        public Builder section(SettingsSection section) { this.section = Objects.requireNonNull(section, "section"); return this; }

        /**
         * @return the setting
         * @throws IllegalArgumentException if a choice has no choices, or the default is not one of them
         */
        public Setting build() {
            if (type == SettingType.CHOICE && choices.isEmpty()) {
                throw new IllegalArgumentException("the choice setting " + key + " needs choices");
            }
            if (type == SettingType.CHOICE && defaultValue != null && !choices.contains(defaultValue)) {
                throw new IllegalArgumentException("the default of " + key + " is not one of its choices");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("the range of " + key + " is empty");
            }
            return new Setting(this);
        }
    }
}
