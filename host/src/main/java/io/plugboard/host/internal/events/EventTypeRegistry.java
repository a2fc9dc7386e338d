package io.plugboard.host.internal.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog of event types currently registered, by key. The first contributor of a key is the one
 * shown; a later one is refused with a message naming both, unless it declares the type identically
 * (then it shares the type, which stays while any of its contributors is active).
 */
public final class EventTypeRegistry {

    private static final Comparator<RegisteredEventType> CATALOG_ORDER =
            Comparator.comparing(RegisteredEventType::group, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(RegisteredEventType::key);

    private final Map<String, RegisteredEventType> byKey = new ConcurrentHashMap<>();
    /** Every contributor of a key, the one shown first: several plugins may declare one type identically. */
    private final Map<String, List<RegisteredEventType>> contributors = new HashMap<>();

    /**
     * Registers a type, or adds a contributor to a type another plugin declared identically (same name,
     * description, group, sample and schema): the monitoring receivers all declare {@code alert_firing}
     * from one shared definition, so any one of them can be installed alone. The type stays while any of
     * its contributors is active.
     *
     * @throws InvalidEventTypeException if another contributor registered the key with another definition
     */
    public synchronized void register(RegisteredEventType type) {
        RegisteredEventType existing = byKey.get(type.key());
        if (existing == null) {
            byKey.put(type.key(), type);
            contributors.put(type.key(), new ArrayList<>(List.of(type)));
            return;
        }
        if (existing.pluginId().equals(type.pluginId()) || !sameDefinition(existing, type)) {
            throw new InvalidEventTypeException("event type '" + type.key() + "' from " + describe(type.pluginId())
                    + " was refused: " + describe(existing.pluginId()) + " already registered it"
                    + (existing.pluginId().equals(type.pluginId()) ? "" : " with another definition"));
        }
        contributors.get(type.key()).add(type);
    }

    /** Removes every type the given plugin contributed; a type another active plugin also declares stays. */
    public synchronized void unregisterAll(String pluginId) {
        for (var it = contributors.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            List<RegisteredEventType> all = entry.getValue();
            if (all.removeIf(t -> t.pluginId().equals(pluginId))) {
                if (all.isEmpty()) {
                    it.remove();
                    byKey.remove(entry.getKey());
                } else {
                    byKey.put(entry.getKey(), all.get(0));
                }
            }
        }
    }

    /** @return the keys the given plugin contributed (alone or with others), in catalog order */
    public synchronized List<String> keysOf(String pluginId) {
        return all().stream().filter(t -> contributors.getOrDefault(t.key(), List.of()).stream()
                .anyMatch(c -> c.pluginId().equals(pluginId))).map(RegisteredEventType::key).toList();
    }

    private static boolean sameDefinition(RegisteredEventType a, RegisteredEventType b) {
        return a.name().equals(b.name()) && a.description().equals(b.description()) && a.group().equals(b.group())
                && a.sample().equals(b.sample()) && Objects.equals(a.schemaJson(), b.schemaJson())
                && a.broadcast() == b.broadcast();
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
