package io.plugboard.host.internal.auth;

import io.plugboard.host.internal.common.RandomTokens;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.storage.Columns;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens: {@code pbk_} followed by 43 random characters, shown once at creation and stored only
 * as a SHA-256 digest; listed by name and prefix; revoked, never deleted, so the log stays readable.
 */
public final class ApiTokens {

    /**
     * A token as lists show it: never the secret.
     *
     * @param app the id of the application it is scoped to, or null for a token of the whole host
     */
    public record ApiToken(String id, String name, String prefix, String scope, String app, Instant createdAt,
                           Instant lastUsedAt, Instant revokedAt) {}

    /**
     * A live token presented with a request.
     *
     * @param app the id of the application it is confined to, or null for a token of the whole host
     */
    public record Verified(String id, String name, TokenScope scope, String app) {}

    /** A token just created: the one time its value is known. */
    public record Created(ApiToken token, String value) {}

    /** How stale a token's shown last use may be. */
    private static final long LAST_USED_PRECISION_MS = 60_000;

    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final RecentTokens recent;

    public ApiTokens(Jdbi jdbi, Ids ids, Clock clock) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
        this.recent = new RecentTokens(clock);
    }

    /** A token of the whole host: {@link #create(String, String, String)} with no application. */
    public Created create(String name, String scope) {
        return create(name, scope, null);
    }

    /**
     * @param scope for the whole host {@code admin}, {@code read} or {@code metrics} (null: {@code admin}); for an
     *     application {@code write} or {@code read} (null: {@code write})
     * @param appId the id of an existing application the token is confined to, or null for the whole host
     */
    public Created create(String name, String scope, String appId) {
        String label = name == null ? "" : name.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "name is required: 1 to 100 characters saying what the token is for");
        }
        TokenScope granted = scope == null ? (appId == null ? TokenScope.ADMIN : TokenScope.WRITE)
                : TokenScope.parse(scope).orElse(null);
        if (appId == null && (granted == null || !granted.hostWide())) {
            errors.put("scope", granted == TokenScope.WRITE
                    ? "scope 'write' is for a token scoped to one application: give app too, or use admin for the whole host"
                    : "scope must be one of admin, read, metrics");
        } else if (appId != null && (granted == null || !granted.forApplication())) {
            errors.put("scope", "a token scoped to an application has the scope write or read");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String value = "pbk_" + RandomTokens.next();
        ApiToken token = new ApiToken(ids.next("tok"), label, value.substring(0, 8), granted.key(), appId,
                clock.instant(), null, null);
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO api_tokens (id, name, prefix, token_hash, scope, app_id, "
                        + "created_at) VALUES (:id, :name, :prefix, :hash, :scope, :app, :at)")
                .bind("id", token.id()).bind("name", label).bind("prefix", token.prefix()).bind("app", appId)
                .bind("hash", Hashes.sha256(value)).bind("scope", granted.key()).bind("at", token.createdAt().toEpochMilli())
                .execute());
        return new Created(token, value);
    }

    public List<ApiToken> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_tokens ORDER BY created_at DESC, id DESC")
                .map((rs, ctx) -> new ApiToken(rs.getString("id"), rs.getString("name"), rs.getString("prefix"),
                        rs.getString("scope"), rs.getString("app_id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        Columns.instant(rs, "last_used_at"),
                        Columns.instant(rs, "revoked_at")))
                .list());
    }

    public void revoke(String id) {
        int rows = jdbi.inTransaction(h -> h.createUpdate("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, :now) "
                + "WHERE id = :id").bind("now", clock.millis()).bind("id", id).execute());
        recent.forget(id);
        if (rows == 0) {
            throw new NotFoundException("no API token has the id '" + id + "'");
        }
    }

    /**
     * @return the token's id and scope if the value is a live token. A token found live is remembered
     *     for {@link RecentTokens#TTL} (forgotten at once when revoked here). Its last use is recorded
     *     at most once a minute, and only when the stored one is older: a write on every request would
     *     take the database's single write lock behind every emit (BENCHMARKS.md, run 8).
     */
    public Optional<Verified> verify(String value) {
        if (value == null || !value.startsWith("pbk_") || value.length() > 100) {
            return Optional.empty();
        }
        String digest = Hashes.sha256(value);
        Optional<RecentTokens.Seen> seen = recent.find(digest, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, scope, app_id, last_used_at FROM api_tokens WHERE token_hash = :hash "
                                + "AND revoked_at IS NULL")
                .bind("hash", digest)
                .map((rs, ctx) -> new RecentTokens.Seen(new Verified(rs.getString("id"), rs.getString("name"),
                        TokenScope.parse(rs.getString("scope")).orElse(TokenScope.READ), rs.getString("app_id")),
                        new AtomicLong(rs.getLong("last_used_at"))))
                .findOne()));
        long now = clock.millis();
        seen.filter(s -> s.lastUsedAt().get() < now - LAST_USED_PRECISION_MS).ifPresent(s -> {
            s.lastUsedAt().set(now);
            jdbi.useTransaction(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now "
                            + "WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)")
                    .bind("now", now).bind("id", s.token().id()).bind("stale", now - LAST_USED_PRECISION_MS).execute());
        });
        return seen.map(RecentTokens.Seen::token);
    }
}
