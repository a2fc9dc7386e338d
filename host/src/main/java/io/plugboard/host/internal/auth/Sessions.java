package io.plugboard.host.internal.auth;

import io.plugboard.host.internal.common.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Admin sessions: a random id in a cookie, stored only as its SHA-256, with a CSRF token; a session
 * ends after {@code idleTimeout} without a request, or at logout.
 */
public final class Sessions {

    /** A live session: who, with which role, and the CSRF token its forms must carry. */
    public record Session(String userId, String username, Role role, String csrfToken) {}

    /** A new session: the cookie value (returned once) and its CSRF token. */
    public record Created(String cookieValue, String csrfToken) {}

    /** How stale a session's idle clock may be: a restart of it at most every 10 s. */
    private static final long TOUCH_PRECISION_MS = 10_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration idleTimeout;

    public Sessions(Jdbi jdbi, Clock clock, Duration idleTimeout) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    public Created create(String userId) {
        String id = RandomTokens.next();
        String csrf = RandomTokens.next();
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM admin_sessions WHERE last_seen_at < :cutoff")
                    .bind("cutoff", now - idleTimeout.toMillis()).execute();
            h.createUpdate("INSERT INTO admin_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) "
                            + "VALUES (:id, :user, :csrf, :now, :now)")
                    .bind("id", Hashes.sha256(id)).bind("user", userId).bind("csrf", csrf).bind("now", now)
                    .execute();
        });
        return new Created(id, csrf);
    }

    /** @return the session if the cookie names a live one; its idle clock restarts */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        String idHash = Hashes.sha256(cookieValue);
        Optional<Seen> seen = jdbi.withHandle(h -> h.createQuery("SELECT s.user_id, u.username, u.role, s.csrf_token, "
                        + "s.last_seen_at FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id "
                        + "WHERE s.id_hash = :id AND s.last_seen_at >= :cutoff")
                .bind("id", idHash).bind("cutoff", now - idleTimeout.toMillis())
                .map((rs, ctx) -> new Seen(new Session(rs.getString(1), rs.getString(2),
                        Role.stored(rs.getString(3)), rs.getString(4)), rs.getLong(5)))
                .findOne());
        // Written only when stale: an UPDATE takes the database's write lock even when it changes no row.
        seen.filter(s -> s.lastSeenAt() < now - TOUCH_PRECISION_MS).ifPresent(s -> jdbi.useTransaction(h -> h.createUpdate(
                        "UPDATE admin_sessions SET last_seen_at = :now WHERE id_hash = :id AND last_seen_at < :stale")
                .bind("now", now).bind("id", idHash).bind("stale", now - TOUCH_PRECISION_MS).execute()));
        Optional<Session> session = seen.map(Seen::session);
        return session;
    }

    private record Seen(Session session, long lastSeenAt) {}

    public void delete(String cookieValue) {
        if (cookieValue != null) {
            jdbi.useTransaction(h -> h.createUpdate("DELETE FROM admin_sessions WHERE id_hash = :id")
                    .bind("id", Hashes.sha256(cookieValue)).execute());
        }
    }

    /** Ends every session of the admin except the one with this cookie (null: all of them). */
    public void endOthers(String userId, String keepCookieValue) {
        String keep = keepCookieValue == null ? "" : Hashes.sha256(keepCookieValue);
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM admin_sessions WHERE user_id = :user AND id_hash <> :keep")
                .bind("user", userId).bind("keep", keep).execute());
    }
}
