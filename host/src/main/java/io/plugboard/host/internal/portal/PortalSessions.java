package io.plugboard.host.internal.portal;

import io.plugboard.host.internal.common.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Portal sessions: a random value in the portal's own cookie, stored only as its SHA-256, with the application
 * it is confined to, whether it may change anything, and the CSRF token its forms carry. Separate from the
 * admin's sessions ({@code auth.Sessions}): neither kind opens the other's pages.
 */
public final class PortalSessions {

    /** How long a session lasts from the link's opening; the embedder opens a new link for more. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    /** A live session. */
    public record Session(String appId, boolean readOnly, String csrfToken) {}

    /** A new session: the cookie value (returned once) and the session. */
    public record Started(String cookieValue, Session session) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public PortalSessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Started start(PortalLinks.Grant grant) {
        String value = RandomTokens.next();
        String csrf = RandomTokens.next();
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM portal_sessions WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO portal_sessions (id_hash, app_id, read_only, csrf_token, expires_at, created_at) "
                            + "VALUES (:hash, :app, :ro, :csrf, :expires, :now)")
                    .bind("hash", TokenHash.of(value)).bind("app", grant.appId()).bind("ro", grant.readOnly())
                    .bind("csrf", csrf).bind("expires", now + LIFETIME.toMillis()).bind("now", now).execute();
        });
        return new Started(value, new Session(grant.appId(), grant.readOnly(), csrf));
    }

    /** @return the session the cookie names, while it lasts */
    public Optional<Session> find(String cookieValue) {
        if (!TokenHash.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT app_id, read_only, csrf_token FROM portal_sessions "
                        + "WHERE id_hash = :hash AND expires_at > :now")
                .bind("hash", TokenHash.of(cookieValue)).bind("now", clock.millis())
                .map((rs, c) -> new Session(rs.getString(1), rs.getBoolean(2), rs.getString(3))).findOne());
    }

    /** Ends the session the cookie names, if any. */
    public void end(String cookieValue) {
        if (TokenHash.wellFormed(cookieValue)) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM portal_sessions WHERE id_hash = :hash")
                    .bind("hash", TokenHash.of(cookieValue)).execute());
        }
    }
}
