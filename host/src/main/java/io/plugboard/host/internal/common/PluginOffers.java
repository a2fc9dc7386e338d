package io.plugboard.host.internal.common;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Extensions that running plugins offer under an id each (destinations, payload formats): the first
 * plugin to offer an id has it until it stops; a later offer of a taken id is refused.
 *
 * @param <T> what is offered
 */
public final class PluginOffers<T> {

    /** One offer: the id, the plugin that made it, and what it offers. */
    public record Offer<T>(String id, String pluginId, T value) {}

    private final Map<String, Offer<T>> byId = new ConcurrentHashMap<>();

    /** @return empty if offered; else the id of the plugin that holds the id already */
    public Optional<String> offer(String id, String pluginId, T value) {
        Offer<T> taken = byId.putIfAbsent(id, new Offer<>(id, pluginId, value));
        return taken == null ? Optional.empty() : Optional.of(taken.pluginId());
    }

    /** @return what the plugin offered, now withdrawn */
    public List<Offer<T>> withdraw(String pluginId) {
        List<Offer<T>> gone = byId.values().stream().filter(o -> o.pluginId().equals(pluginId)).toList();
        gone.forEach(o -> byId.remove(o.id(), o));
        return gone;
    }

    public Optional<Offer<T>> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** @return every offer, by id */
    public List<Offer<T>> all() {
        return byId.values().stream().sorted(Comparator.comparing(Offer::id)).toList();
    }
}
