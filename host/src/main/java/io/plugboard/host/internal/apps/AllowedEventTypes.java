package io.plugboard.host.internal.apps;

import io.plugboard.sdk.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which event types an application's webhooks may subscribe to: every type, or a list of keys and
 * prefix patterns ({@code invoice.*} allows {@code invoice.paid} and {@code invoice.sent.late}, not
 * {@code invoice} itself).
 */
public final class AllowedEventTypes {

    /** The most patterns one application may list. */
    public static final int MAX_PATTERNS = 100;

    public static final AllowedEventTypes ALL = new AllowedEventTypes(null);

    private final List<String> patterns;

    private AllowedEventTypes(List<String> patterns) {
        this.patterns = patterns == null ? null : List.copyOf(patterns);
    }

    /**
     * @param patterns the list as given; null for every type
     * @param problems where a refusal is written, keyed {@code allowed_event_types[i]}
     */
    static AllowedEventTypes parse(List<String> patterns, Map<String, String> problems) {
        if (patterns == null) {
            return ALL;
        }
        if (patterns.size() > MAX_PATTERNS) {
            problems.put("allowed_event_types", "at most " + MAX_PATTERNS + " patterns");
            return ALL;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i) == null ? "" : patterns.get(i).strip();
            String key = p.endsWith(".*") ? p.substring(0, p.length() - 2) : p;
            try {
                EventType.validateKey(key);
                if (!kept.contains(p)) {
                    kept.add(p);
                }
            } catch (IllegalArgumentException e) {
                problems.put("allowed_event_types[" + i + "]", "'" + p + "' is neither an event key nor a pattern "
                        + "such as 'invoice.*' (an event key followed by '.*'): " + e.getMessage());
            }
        }
        return new AllowedEventTypes(kept);
    }

    /** @return the patterns, or null when every type is allowed */
    public List<String> patterns() {
        return patterns;
    }

    public boolean allowsAll() {
        return patterns == null;
    }

    public boolean allows(String eventType) {
        if (patterns == null) {
            return true;
        }
        for (String p : patterns) {
            if (p.endsWith(".*") ? eventType.startsWith(p.substring(0, p.length() - 1)) : p.equals(eventType)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return patterns == null ? "every event type" : String.join(", ", patterns);
    }
}
