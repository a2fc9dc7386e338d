package io.plugboard.host.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing without letting anyone lock the real admin out. Failed logins within
 * {@link #WINDOW} are counted three ways:
 * <ul>
 *   <li>per account and address: {@link #PAIR_LIMIT} failures lock that account <em>from that
 *       address</em> until the window after the oldest of them has passed;</li>
 *   <li>per address: {@link #ADDRESS_LIMIT} failures, for any accounts, lock the address;</li>
 *   <li>per account over all addresses: from {@link #ACCOUNT_SLOWDOWN_AFTER} failures on, each further
 *       attempt must wait 1 s after the latest failure, doubling per failure up to
 *       {@link #MAX_ACCOUNT_DELAY} — a slow-down, never a lock, so the admin can still get in from
 *       another address.</li>
 * </ul>
 * A successful login clears the counts of that account (its pair and its slow-down), not the address's.
 * Lockouts are logged, with the user name and the address (never a password), and reported to
 * {@code accountLocked} (which forgets that account's remembered HTTP Basic checks).
 */
public final class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PAIR_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final int ACCOUNT_SLOWDOWN_AFTER = 10;
    static final Duration MAX_ACCOUNT_DELAY = Duration.ofSeconds(30);
    /** Past this many keys, stale ones are swept, so made-up user names cannot fill the memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Consumer<String> accountLocked;

    public LoginThrottle(Clock clock) {
        this(clock, username -> { });
    }

    /**
     * @param accountLocked told the user name (as typed) when it gets locked from an address or slowed
     *                      down; an address locked for every account is not reported, as no account is its target
     */
    public LoginThrottle(Clock clock, Consumer<String> accountLocked) {
        this.clock = clock;
        this.accountLocked = accountLocked;
    }

    /** @return how long to wait before this account may try from this address, if it must */
    public Optional<Duration> lockedFor(String username, String address) {
        long now = clock.millis();
        String user = normalise(username);
        long until = Math.max(lockedUntil(pair(user, address), PAIR_LIMIT, now),
                lockedUntil("addr:" + address, ADDRESS_LIMIT, now));
        until = Math.max(until, slowedUntil("user:" + user, now));
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    /** Counts a failed login and logs it (and a lockout it starts). */
    public void failed(String username, String address, String via) {
        long now = clock.millis();
        String user = normalise(username);
        int pair = record(pair(user, address), now);
        int fromAddress = record("addr:" + address, now);
        int account = record("user:" + user, now);
        log.warn("Failed login for '{}' from {} ({})", LogText.of(username), LogText.of(address), via);
        if (pair == PAIR_LIMIT) {
            log.warn("Login lockout: '{}' from {} is locked for {} minutes after {} failed logins",
                    LogText.of(username), LogText.of(address), WINDOW.toMinutes(), PAIR_LIMIT);
        }
        if (fromAddress == ADDRESS_LIMIT) {
            log.warn("Login lockout: address {} is locked for {} minutes after {} failed logins",
                    LogText.of(address), WINDOW.toMinutes(), ADDRESS_LIMIT);
        }
        if (account == ACCOUNT_SLOWDOWN_AFTER) {
            log.warn("Login slow-down: '{}' had {} failed logins from all addresses within {} minutes; "
                    + "further attempts are spaced out", LogText.of(username), account, WINDOW.toMinutes());
        }
        if (pair >= PAIR_LIMIT || account >= ACCOUNT_SLOWDOWN_AFTER) {
            accountLocked.accept(username);
        }
        if (failures.size() > SWEEP_ABOVE) {
            sweep(now);
        }
    }

    /** Clears the account's counts after a successful login (the address keeps its count). */
    public void succeeded(String username, String address) {
        String user = normalise(username);
        failures.remove(pair(user, address));
        failures.remove("user:" + user);
    }

    /** @return a wait in words, e.g. {@code 15 minute(s)} or {@code 4 second(s)} */
    public static String waitText(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds < 60 ? seconds + " second(s)" : (seconds + 59) / 60 + " minute(s)";
    }

    private long lockedUntil(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size() >= limit ? times.peekFirst() + WINDOW.toMillis() : 0;
        }
    }

    private long slowedUntil(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            int over = times.size() - ACCOUNT_SLOWDOWN_AFTER;
            if (over < 0) {
                return 0;
            }
            long delay = Math.min(MAX_ACCOUNT_DELAY.toMillis(), 1000L << Math.min(over, 10));
            return times.peekLast() + delay;
        }
    }

    private int record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            return times.size();
        }
    }

    private void sweep(long now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() < now - WINDOW.toMillis()) {
            times.removeFirst();
        }
    }

    private static String pair(String user, String address) {
        return "pair:" + user + "\n" + address;
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
