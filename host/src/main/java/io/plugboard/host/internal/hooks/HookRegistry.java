package io.plugboard.host.internal.hooks;

import io.plugboard.sdk.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every hook callback, by kind and hook name, with the plugin (or {@code app}) that owns it. Reads are
 * lock-free: each hook holds an immutable array sorted by priority, then by order of registration,
 * replaced on every change. Keys are the names (strings the hook keys already hold), so a lookup
 * allocates nothing and no key keeps a plugin's payload class alive.
 */
public final class HookRegistry {

    /** Actions and filters of the same name are different hooks. */
    enum Kind { ACTION, FILTER }

    /** One callback: who added it, where it runs, and the function itself. */
    record Callback(String owner, int priority, long sequence, Object function) {}

    private static final Callback[] NONE = new Callback[0];
    private static final Comparator<Callback> ORDER =
            Comparator.comparingInt(Callback::priority).thenComparingLong(Callback::sequence);

    private final Map<String, Callback[]> actions = new ConcurrentHashMap<>();
    private final Map<String, Callback[]> filters = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    Registration add(String owner, Kind kind, String hook, int priority, Object function) {
        Callback callback = new Callback(owner, priority, sequence.incrementAndGet(), function);
        map(kind).compute(hook, (k, current) -> {
            Callback[] more = Arrays.copyOf(current == null ? NONE : current, current == null ? 1 : current.length + 1);
            more[more.length - 1] = callback;
            Arrays.sort(more, ORDER);
            return more;
        });
        return () -> removeIf(map(kind), hook, c -> c == callback);
    }

    Callback[] callbacks(Kind kind, String hook) {
        Callback[] found = map(kind).get(hook);
        return found == null ? NONE : found;
    }

    boolean has(Kind kind, String hook) {
        return map(kind).containsKey(hook);
    }

    /** Removes every callback the owner added, to any hook. */
    public void removeAll(String owner) {
        for (Map<String, Callback[]> map : List.of(actions, filters)) {
            for (String hook : List.copyOf(map.keySet())) {
                removeIf(map, hook, c -> c.owner().equals(owner));
            }
        }
    }

    /** @return how many callbacks the owner has added, over all hooks */
    public int countOf(String owner) {
        return (int) List.of(actions, filters).stream().flatMap(m -> m.values().stream()).flatMap(Arrays::stream)
                .filter(c -> c.owner().equals(owner)).count();
    }

    private Map<String, Callback[]> map(Kind kind) {
        return kind == Kind.ACTION ? actions : filters;
    }

    private static void removeIf(Map<String, Callback[]> map, String hook, Predicate<Callback> match) {
        map.computeIfPresent(hook, (k, current) -> {
            List<Callback> kept = new ArrayList<>(current.length);
            for (Callback c : current) {
                if (!match.test(c)) {
                    kept.add(c);
                }
            }
            return kept.isEmpty() ? null : kept.toArray(NONE);
        });
    }
}
