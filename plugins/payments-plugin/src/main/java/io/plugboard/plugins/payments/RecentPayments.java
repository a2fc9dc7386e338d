package io.plugboard.plugins.payments;

import io.plugboard.sdk.hooks.EmittedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The last payment events the host emitted, kept in memory for the plugin's admin page. */
final class RecentPayments {

    /** One remembered event, as the page shows it. */
    record Seen(String id, String type, String at) {}

    /** How many events of one type were seen. */
    record Count(String type, int count) {}

    private static final int KEEP = 20;

    private final Deque<Seen> recent = new ArrayDeque<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    synchronized void record(EmittedEvent event) {
        recent.addFirst(new Seen(event.id(), event.type(), event.createdAt().toString()));
        if (recent.size() > KEEP) {
            recent.removeLast();
        }
        counts.merge(event.type(), 1, Integer::sum);
    }

    synchronized List<Seen> recent() {
        return new ArrayList<>(recent);
    }

    synchronized List<Count> counts() {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
