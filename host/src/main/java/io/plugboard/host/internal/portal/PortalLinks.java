package io.plugboard.host.internal.portal;

import io.plugboard.host.internal.common.RandomTokens;
import io.plugboard.host.internal.common.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Single-use magic links into one application's portal. The token (256 random bits) is returned once and
 * stored only as its SHA-256; opening a link marks it used in the same statement that checks it is unused and
 * unexpired, so two browsers racing on one link cannot both get a session.
 */
public final class PortalLinks {

    /** The shortest and longest lifetimes a link may be given. */
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** A new link: its token in clear (shown once, in the URL) and when it stops working. */
    public record Created(String token, Instant expiresAt) {}

    /** What an opened link grants. */
    public record Grant(String appId, boolean readOnly) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public PortalLinks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * @param lifetimeSeconds how long the link may be opened, within {@link #MIN_LIFETIME}..{@link #MAX_LIFETIME}
     * @throws ValidationException for a lifetime outside them (nothing stored)
     */
    public Created create(String appId, long lifetimeSeconds, boolean readOnly) {
        if (lifetimeSeconds < MIN_LIFETIME.toSeconds() || lifetimeSeconds > MAX_LIFETIME.toSeconds()) {
            throw ValidationException.of("expires_in", "must be between " + MIN_LIFETIME.toSeconds() + " and "
                    + MAX_LIFETIME.toSeconds() + " seconds (7 days); " + lifetimeSeconds + " is not");
        }
        String token = RandomTokens.next();
        long now = clock.millis();
        Instant expires = Instant.ofEpochMilli(now + lifetimeSeconds * 1000);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM portal_links WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO portal_links (token_hash, app_id, read_only, expires_at, created_at) "
                            + "VALUES (:hash, :app, :ro, :expires, :now)")
                    .bind("hash", TokenHash.of(token)).bind("app", appId).bind("ro", readOnly)
                    .bind("expires", expires.toEpochMilli()).bind("now", now).execute();
        });
        return new Created(token, expires);
    }

    /** @return what the link grants, if it is known, unused and unexpired; it is used up by this call */
    public Optional<Grant> consume(String token) {
        if (!TokenHash.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = TokenHash.of(token);
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            int used = h.createUpdate("UPDATE portal_links SET used_at = :now "
                            + "WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
                    .bind("now", now).bind("hash", hash).execute();
            if (used != 1) {
                return Optional.<Grant>empty();
            }
            return h.createQuery("SELECT app_id, read_only FROM portal_links WHERE token_hash = :hash")
                    .bind("hash", hash).map((rs, c) -> new Grant(rs.getString(1), rs.getBoolean(2))).findOne();
        });
    }
}
