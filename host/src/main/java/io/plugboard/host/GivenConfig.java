package io.plugboard.host;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The configuration found under a prefix, by option key ({@code data-dir}), each value with the name
 * it was given under ({@code PLUGBOARD_DATA_DIR}, {@code plugboard.data-dir}) so that every refusal
 * names what the operator wrote. Blank values count as not given.
 */
final class GivenConfig {

    /** A refusal already naming its key, so {@link ConfigBindings} does not name it twice. */
    static final class Refused extends IllegalArgumentException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Value(String name, String text) {}

    private final Map<String, Value> values = new LinkedHashMap<>();
    private DeliverySettings.Builder delivery;

    private GivenConfig() {}

    /** @param keys every option key there is */
    static GivenConfig fromEnvironment(String prefix, Map<String, String> environment, Set<String> keys) {
        Map<String, String> byVariable = new LinkedHashMap<>();
        keys.forEach(key -> byVariable.put(key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_'), key));
        GivenConfig given = new GivenConfig();
        requirePrefix(prefix);
        environment.forEach((name, text) -> given.add(prefix, name, text, byVariable));
        return given;
    }

    static GivenConfig fromProperties(Properties properties, String prefix, Set<String> keys) {
        Map<String, String> byName = new LinkedHashMap<>();
        keys.forEach(key -> byName.put(key, key));
        GivenConfig given = new GivenConfig();
        requirePrefix(prefix);
        properties.stringPropertyNames().forEach(name -> given.add(prefix, name, properties.getProperty(name), byName));
        return given;
    }

    private static void requirePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("the prefix must not be empty (every variable or property would be read)");
        }
    }

    private void add(String prefix, String name, String text, Map<String, String> keysBySuffix) {
        if (!name.startsWith(prefix)) {
            return;
        }
        String key = keysBySuffix.get(name.substring(prefix.length()));
        if (key == null) {
            throw new IllegalArgumentException(name + " is not a Plugboard option: every name under '" + prefix
                    + "' must be one (see the table of options in docs/embedding.md)");
        }
        if (text != null && !text.isBlank()) {
            values.put(key, new Value(name, text));
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** @return the name the key was given under, for messages */
    String name(String key) {
        return values.get(key).name();
    }

    /** @return the value of a key that {@link #has} a value, parsed; a bad value is refused naming the key */
    <T> T get(String key, Function<String, T> parser) {
        Value value = values.get(key);
        try {
            return parser.apply(value.text());
        } catch (IllegalArgumentException e) {
            throw new Refused(value.name() + " " + e.getMessage(), e);
        }
    }

    /** @return the delivery settings the {@code delivery.*} keys change, started from the builder's */
    DeliverySettings.Builder delivery(PlugboardBuilder builder) {
        if (delivery == null) {
            delivery = builder.draft().delivery.toBuilder();
        }
        return delivery;
    }

    /** Sets the delivery settings, if a {@code delivery.*} key changed them. */
    void finishDelivery(PlugboardBuilder builder) {
        if (delivery == null) {
            return;
        }
        try {
            builder.delivery(delivery.build());
        } catch (IllegalArgumentException e) {
            throw new Refused("the delivery settings (" + String.join(", ", values.entrySet().stream()
                    .filter(v -> v.getKey().startsWith("delivery.")).map(v -> v.getValue().name()).toList())
                    + ") do not fit together: " + e.getMessage(), e);
        }
    }
}
