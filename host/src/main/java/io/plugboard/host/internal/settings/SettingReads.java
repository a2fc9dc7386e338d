package io.plugboard.host.internal.settings;

import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingAccessException;
import io.plugboard.sdk.settings.SettingType;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one rule of {@link HostPluginSettings}' getters: a read names the kinds of setting it accepts, and
 * gets the stored value, else the default, converted; a value stored before the setting changed type that no
 * longer converts counts as absent. Every refusal is a {@link SettingAccessException} naming the key and its
 * declared type.
 */
final class SettingReads {

    /** What one getter reads: its name, the types it accepts, whether secret, and how text becomes the value. */
    record Getter<T>(String name, Set<SettingType> types, boolean secret, Function<String, T> convert) {}

    static final Getter<String> STRING = new Getter<>("string", Set.of(SettingType.STRING, SettingType.TEXT), false, v -> v);
    static final Getter<String> SECRET = new Getter<>("secret", Set.of(SettingType.STRING, SettingType.TEXT), true, v -> v);
    static final Getter<Long> LONG = new Getter<>("longValue", Set.of(SettingType.INTEGER), false, Long::valueOf);
    static final Getter<Boolean> BOOL = new Getter<>("bool", Set.of(SettingType.BOOLEAN), false, Boolean::valueOf);
    static final Getter<URI> URL = new Getter<>("url", Set.of(SettingType.URL), false, URI::create);
    static final Getter<String> CHOICE = new Getter<>("choice", Set.of(SettingType.CHOICE), false, v -> v);

    private SettingReads() {}

    /** @return the value, if any */
    static <T> Optional<T> optional(Setting setting, Optional<String> raw, Getter<T> getter) {
        check(setting, getter);
        if (raw.isEmpty() || raw.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(getter.convert().apply(raw.get()));
        } catch (IllegalArgumentException e) {
            // stored before the setting was declared with this type
            return Optional.empty();
        }
    }

    /** @return the value; a boolean without one is false */
    static <T> T required(Setting setting, Optional<String> raw, Getter<T> getter) {
        Optional<T> value = optional(setting, raw, getter);
        if (value.isEmpty() && getter == (Getter<?>) BOOL) {
            @SuppressWarnings("unchecked") T off = (T) Boolean.FALSE;
            return off;
        }
        return value.orElseThrow(() -> new SettingAccessException(setting.key(), "setting '" + setting.key() + "' ("
                + describe(setting) + ") has no value: nothing is stored and it has no default; read it with optional"
                + Character.toUpperCase(getter.name().charAt(0)) + getter.name().substring(1)
                        .replace("Value", "") + "() if it may be missing"));
    }

    /** @return the value as an int, refused with a message pointing to longValue() when it does not fit */
    static int toInt(Setting setting, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new SettingAccessException(setting.key(), "setting '" + setting.key() + "' (INTEGER) is " + value
                    + ", which does not fit an int: read it with longValue()");
        }
        return (int) value;
    }

    /** @return the refusal of a key the plugin did not declare, listing the keys it did */
    static SettingAccessException undeclared(String pluginId, String key, java.util.List<Setting> declared) {
        return new SettingAccessException(key, "setting '" + key + "' is not declared by plugin '" + pluginId
                + "' (declared: " + declared.stream().map(Setting::key).collect(Collectors.joining(", ")) + ")");
    }

    private static void check(Setting setting, Getter<?> getter) {
        boolean typeFits = getter.types().contains(setting.type());
        boolean secretFits = getter.secret() == setting.secret() || !getter.types().contains(SettingType.STRING);
        if (typeFits && secretFits) {
            return;
        }
        throw new SettingAccessException(setting.key(), "setting '" + setting.key() + "' is " + describe(setting)
                + ", not what " + getter.name() + "() reads: read it with " + getterFor(setting));
    }

    private static String describe(Setting setting) {
        return (setting.secret() ? "a secret " : "") + setting.type().name();
    }

    private static String getterFor(Setting setting) {
        String names = switch (setting.type()) {
            case STRING, TEXT -> setting.secret() ? "secret(), optionalSecret()" : "string(), optionalString()";
            case INTEGER -> "integer(), optionalInteger(), longValue(), optionalLong()";
            case BOOLEAN -> "bool()";
            case URL -> "url(), optionalUrl()";
            case CHOICE -> "choice(), optionalChoice()";
        };
        return Arrays.stream(names.split(", ")).collect(Collectors.joining(" or "));
    }
}
