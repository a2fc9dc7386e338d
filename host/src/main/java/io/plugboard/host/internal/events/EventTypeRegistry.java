package io.plugboard.host.internal.events;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog of event types currently registered, by key. The first contributor of a key keeps it;
 * a later one is refused with a message naming both.
 */
public final class EventTypeRegistry {

    private static final Comparator<RegisteredEventType> CATALOG_ORDER =
            Comparator.comparing(RegisteredEventType::group, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(RegisteredEventType::key);

    private final Map<String, RegisteredEventType> byKey = new ConcurrentHashMap<>();

    /**
     * @throws InvalidEventTypeException if another contributor already registered the key
     */
    public void register(RegisteredEventType type) {
        RegisteredEventType existing = byKey.putIfAbsent(type.key(), type);
        if (existing != null) {
            throw new InvalidEventTypeException("event type '" + type.key() + "' from " + describe(type.pluginId())
                    + " was refused: " + describe(existing.pluginId()) + " already registered it");
        }
    }

    /** Removes every type the given plugin contributed. */
    public void unregisterAll(String pluginId) {
        byKey.values().removeIf(t -> t.pluginId().equals(pluginId));
    }

    /** @return the keys the given plugin contributed, in catalog order */
    public List<String> keysOf(String pluginId) {
        return all().stream().filter(t -> t.pluginId().equals(pluginId)).map(RegisteredEventType::key).toList();
    }

    public Optional<RegisteredEventType> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    public boolean contains(String key) {
        return key != null && byKey.containsKey(key);
    }

    /** @return every registered type, by group then key */
    public List<RegisteredEventType> all() {
        return byKey.values().stream().sorted(CATALOG_ORDER).toList();
    }

    private static String describe(String pluginId) {
        return RegisteredEventType.APP_SOURCE.equals(pluginId) ? "the application" : "plugin '" + pluginId + "'";
    }
}
