package io.plugboard.host.internal.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The due deliveries the dispatcher has claimed and read ahead, per webhook, oldest first, so the
 * database is read once per many sends. Only the dispatching thread uses it (under its lock).
 */
final class ReadAhead {

    private final DeliveryQueue queue;
    private final Set<String> inFlight;
    private final Map<String, ArrayDeque<DueDelivery>> ahead = new HashMap<>();

    /** @param inFlight the dispatcher's deliveries in flight, never read ahead again */
    ReadAhead(DeliveryQueue queue, Set<String> inFlight) {
        this.queue = queue;
        this.inFlight = inFlight;
    }

    /** @return the webhook's read-ahead, taken from the head */
    ArrayDeque<DueDelivery> of(String webhookId) {
        return ahead.computeIfAbsent(webhookId, k -> new ArrayDeque<>());
    }

    /**
     * Fills the webhook's read-ahead with up to {@code limit} due deliveries not in flight; false if
     * there are none. What was in flight before the read is excluded even if it finished during the read:
     * the read may predate the commit of its outcome and would otherwise send it again.
     */
    boolean fill(String webhookId, Instant now, int limit) {
        ArrayDeque<DueDelivery> into = of(webhookId);
        Set<String> busyBefore = new HashSet<>(inFlight);
        for (DueDelivery d : queue.due(webhookId, now, limit, busyBefore)) {
            if (!busyBefore.contains(d.id()) && !inFlight.contains(d.id())) {
                into.add(d);
            }
        }
        return !into.isEmpty();
    }

    /** Forgets every webhook's read-ahead but the enabled ones', and empties those (read afresh). */
    void restart(Set<String> enabled) {
        ahead.keySet().retainAll(enabled);
        ahead.values().forEach(ArrayDeque::clear);
    }

    void clear() {
        ahead.values().forEach(ArrayDeque::clear);
    }
}
