package io.plugboard.host.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks out guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} for one
 * account, or from one address, further attempts are refused until the window has passed.
 */
public final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return how long to wait if the account or the address is locked out */
    public Optional<Duration> lockedFor(String username, String address) {
        long now = clock.millis();
        long until = Math.max(lockedUntil("user:" + normalise(username), now), lockedUntil("addr:" + address, now));
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        record("user:" + normalise(username), now);
        record("addr:" + address, now);
    }

    public void succeeded(String username, String address) {
        failures.remove("user:" + normalise(username));
        failures.remove("addr:" + address);
    }

    private long lockedUntil(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size() >= MAX_FAILURES ? times.peekFirst() + WINDOW.toMillis() : 0;
        }
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() < now - WINDOW.toMillis()) {
            times.removeFirst();
        }
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }
}
