package io.plugboard.host.internal.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Idempotency keys of emitted events, in {@code idempotency_keys}: a key given again within
 * {@link #WINDOW} stands for the event it was first given with, so that event is not stored twice.
 * Claims run on the caller's connection, inside the transaction that writes the events, so a key and
 * its event are committed together or not at all.
 *
 * <p>The key is the table's primary key, and a claim is one {@code INSERT … ON CONFLICT}: of two
 * transactions claiming one key (threads of one host, or hosts on one PostgreSQL database) the second
 * waits on the first's uncommitted row; when the first commits, the second's insert does nothing and
 * it reads the first's row (a replay); when the first rolls back, the second's goes through. A row
 * past its window matches nothing: the insert takes it over. Keys are claimed in key order, so two
 * batches sharing keys cannot deadlock.
 */
public final class IdempotencyKeys {

    /** How long a key stands for its event; older keys match nothing and are purged by retention. */
    public static final Duration WINDOW = Duration.ofHours(24);
    public static final int MAX_LENGTH = 255;

    private static final String CLAIM = "INSERT INTO idempotency_keys (idempotency_key, event_id, fingerprint, created_at) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO UPDATE SET event_id = excluded.event_id, "
            + "fingerprint = excluded.fingerprint, created_at = excluded.created_at WHERE idempotency_keys.created_at < ?";

    private IdempotencyKeys() {}

    /** @return what is wrong with the key's form, or null when it is a valid key */
    public static String problem(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return "an idempotency key has 1 to " + MAX_LENGTH + " characters; this one has " + key.length();
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < 0x20 || ch > 0x7e) {
                return "an idempotency key holds printable ASCII characters only (space to ~); character " + (i + 1)
                        + " is not one";
            }
        }
        return key.isBlank() ? "an idempotency key cannot be only spaces" : null;
    }

    /**
     * Claims the keys of an emit's events, in the caller's transaction.
     *
     * @return per claim, in the order given: stored under its own id (write the event), or a replay of
     *     the event the key stands for (write nothing). The same key twice in one call: the later
     *     claim is a replay of the earlier one.
     * @throws IdempotencyConflictException if a key stands for a different event; the caller rolls back
     */
    public static List<Emitted> claimAll(Connection c, List<KeyClaim> claims) throws SQLException {
        List<Emitted> out = new ArrayList<>(claims.size());
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            out.add(Emitted.stored(claims.get(i).eventId()));
            if (claims.get(i).key() != null) {
                keyed.add(i);
            }
        }
        if (keyed.isEmpty()) {
            return out;
        }
        keyed.sort(Comparator.comparing(i -> claims.get(i).key())); // stable: the earlier of two equal keys first
        int[] inserted;
        try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
            for (int i : keyed) {
                KeyClaim k = claims.get(i);
                claim.setString(1, k.key());
                claim.setString(2, k.eventId());
                claim.setString(3, k.fingerprint());
                claim.setLong(4, k.at().toEpochMilli());
                claim.setLong(5, k.at().minus(WINDOW).toEpochMilli());
                claim.addBatch();
            }
            inserted = claim.executeBatch();
        }
        Map<String, Integer> ownIds = new HashMap<>();
        for (int n = 0; n < keyed.size(); n++) {
            int i = keyed.get(n);
            KeyClaim k = claims.get(i);
            ownIds.put(k.eventId(), i);
            if (inserted[n] == 1) {
                continue;
            }
            Taken taken = read(c, k.key()); // also when the driver did not say what the insert did
            if (taken.eventId().equals(k.eventId())) {
                continue;
            }
            if (!taken.fingerprint().equals(k.fingerprint())) {
                throw new IdempotencyConflictException(k.key(), i, ownIds.getOrDefault(taken.eventId(), -1));
            }
            out.set(i, new Emitted(taken.eventId(), true));
        }
        return out;
    }

    /** A key's row: the event it stands for and that event's fingerprint. */
    private record Taken(String eventId, String fingerprint) {}

    private static Taken read(Connection c, String key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT event_id, fingerprint FROM idempotency_keys WHERE idempotency_key = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    // Only a purge between the insert and this read could do it, at the window's very edge.
                    throw new IllegalStateException("an idempotency key vanished while it was claimed; try again");
                }
                return new Taken(rs.getString(1), rs.getString(2));
            }
        }
    }

    /** @return whether the write failed because PostgreSQL broke a deadlock by aborting it */
    public static boolean deadlocked(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if ("40P01".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param batch how many keys one run of the statement removes at most
     * @return a statement removing keys past their window, with the parameter {@code :cutoff} ({@link #cutoff})
     */
    public static String purgeStatement(int batch) {
        return "DELETE FROM idempotency_keys WHERE idempotency_key IN (SELECT idempotency_key FROM idempotency_keys "
                + "WHERE created_at < :cutoff LIMIT " + batch + ")";
    }

    /** @return the epoch millis before which a key's window is over */
    public static long cutoff(Instant now) {
        return now.minus(WINDOW).toEpochMilli();
    }
}
