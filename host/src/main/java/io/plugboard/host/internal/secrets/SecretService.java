package io.plugboard.host.internal.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.Threads;
import io.plugboard.host.internal.common.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.jdbi.v3.core.Jdbi;

/**
 * The secrets store: named values per application, encrypted at rest, write-only through the API and the
 * admin, read in clear only to build requests of that application's webhooks. Decrypted values are kept in memory once read; {@code last_used_at}
 * is written at most once a minute per secret, off the caller's thread.
 */
public final class SecretService implements AutoCloseable {

    public static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 8192;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SecretStore store;
    private final SecretUsage usage;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Map<String, String> plain = new ConcurrentHashMap<>();
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    private final ExecutorService toucher = Executors.newSingleThreadExecutor(Threads.daemon("plugboard-secrets"));

    public SecretService(Jdbi jdbi, ObjectMapper mapper, SecretKey key, Clock clock) {
        this.store = new SecretStore(jdbi);
        this.usage = new SecretUsage(jdbi, mapper);
        this.cipher = new SecretCipher(key);
        this.clock = clock;
    }

    /**
     * @param app the application's id; the same name may hold different values in two applications
     * @return true if created, false if the value of an existing secret was replaced
     */
    public boolean put(String app, String name, String value) {
        String n = name == null ? null : name.strip();
        checkName(n);
        if (value == null || value.isEmpty()) {
            throw ValidationException.of("value", "value is required");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw ValidationException.of("value", "value must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw ValidationException.of("value", "value must be one line: no line breaks or NUL characters "
                    + "(it may be sent in a header)");
        }
        boolean created = store.put(app, n, cipher.encrypt(place(app, n), value), clock.instant());
        plain.put(key(app, n), value);
        return created;
    }

    /** @return the application's secrets (names and dates, never values) */
    public List<SecretInfo> list(String app) {
        return store.list(app);
    }

    /** @return the names of the application's secrets */
    public Set<String> names(String app) {
        return Set.copyOf(store.names(app));
    }

    /**
     * @throws SecretInUseException if a webhook of the application refers to it; NotFoundException if the
     *     application has none of that name
     */
    public void delete(String app, String name) {
        List<String> users = usage.webhooksUsing(app, name);
        if (!users.isEmpty()) {
            throw new SecretInUseException(name, users);
        }
        if (!store.delete(app, name)) {
            throw new NotFoundException("no secret is named '" + name + "'");
        }
        plain.remove(key(app, name));
        touched.remove(key(app, name));
    }

    /**
     * @param app the id of the application of the webhook the request is for: only its secrets are read
     * @return the value in clear, for building a request; marks the secret used
     */
    public Optional<String> value(String app, String name) {
        String key = key(app, name);
        String v = plain.get(key);
        if (v == null) {
            Optional<String> sealed = store.sealed(app, name);
            if (sealed.isEmpty()) {
                return Optional.empty();
            }
            v = cipher.decrypt(place(app, name), sealed.get());
            plain.put(key, v);
        }
        markUsed(app, name);
        return Optional.of(v);
    }

    /**
     * What a value is sealed to (the cipher's associated data), so a sealed value copied to another row does
     * not open: the name alone in the default application, as before applications (so existing values still
     * open), the application's id and the name in any other.
     */
    static String place(String app, String name) {
        return DefaultApp.ID.equals(app) ? name : app + "/" + name;
    }

    private static String key(String app, String name) {
        return app + "\n" + name;
    }

    private void markUsed(String app, String name) {
        Instant now = clock.instant();
        String key = key(app, name);
        Instant last = touched.get(key);
        if (last != null && last.plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        touched.put(key, now);
        toucher.execute(() -> store.touch(app, name, now));
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw ValidationException.of("name", "name is required");
        }
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw ValidationException.of("name", "name must be an upper-case letter followed by upper-case letters, "
                    + "digits or _ (at most " + MAX_NAME_LENGTH + " characters), e.g. SLACK_TOKEN");
        }
    }

    @Override
    public void close() {
        toucher.shutdown();
    }
}
