package io.plugboard.host.internal.filters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed filters by their text, so the outbox parses a webhook's filter once per version rather than
 * per event. Bounded: past {@value #MAX_ENTRIES} distinct filters it starts afresh.
 */
public final class FilterCache {

    private static final int MAX_ENTRIES = 1000;

    private final Map<String, EventFilter> parsed = new ConcurrentHashMap<>();

    /**
     * @return whether the event passes the filter. A stored filter that no longer parses (they are
     *     checked when saved) lets every event through: a lost event is worse than an extra one.
     */
    public boolean matches(String text, com.fasterxml.jackson.databind.JsonNode envelope) {
        try {
            return get(text).matches(envelope);
        } catch (FilterSyntaxException e) {
            return true;
        }
    }

    /** @throws FilterSyntaxException if the filter does not parse */
    public EventFilter get(String text) {
        EventFilter f = parsed.get(text);
        if (f == null) {
            if (parsed.size() >= MAX_ENTRIES) {
                parsed.clear();
            }
            f = EventFilter.parse(text);
            parsed.put(text, f);
        }
        return f;
    }
}
