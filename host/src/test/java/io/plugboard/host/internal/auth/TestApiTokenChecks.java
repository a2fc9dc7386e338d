package io.plugboard.host.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.SettableClock;
import io.plugboard.host.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checking an API token on a real database with a clock the test moves: a live token is remembered for
 * a few seconds (what another instance's revocation may take to reach this one), a revocation here is
 * seen at once, and the last use is written at most once a minute.
 */
class TestApiTokenChecks {

    private final SettableClock clock = new SettableClock();
    private final Database db = TestDatabases.openDatabase();
    private final ApiTokens tokens = new ApiTokens(db.jdbi(), new Ids(clock), clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRevocationByAnotherInstanceIsSeenWithinTheTtlAndOneHereAtOnce() {
        ApiTokens.Created first = tokens.create("script", "admin");
        ApiTokens.Created second = tokens.create("other script", "read");
        assertThat(tokens.verify(first.value())).map(ApiTokens.Verified::id).contains(first.token().id());
        assertThat(tokens.verify(second.value())).map(ApiTokens.Verified::scope).contains(TokenScope.READ);

        // Another instance sharing the database revokes the first token.
        db.jdbi().useHandle(h -> h.execute("UPDATE api_tokens SET revoked_at = 1 WHERE id = ?", first.token().id()));
        assertThat(tokens.verify(first.value())).as("remembered for a moment").isPresent();
        clock.advance(RecentTokens.TTL);
        assertThat(tokens.verify(first.value())).as("read again after the TTL").isEmpty();

        tokens.revoke(second.token().id());
        assertThat(tokens.verify(second.value())).as("revoked here: refused at once").isEmpty();
        assertThat(tokens.verify("pbk_" + "x".repeat(43))).isEmpty();
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() {
        ApiTokens.Created token = tokens.create("script", "admin");
        tokens.verify(token.value());
        long firstUse = lastUsed(token);
        assertThat(firstUse).isEqualTo(clock.millis());

        clock.advance(Duration.ofSeconds(30));
        tokens.verify(token.value());
        assertThat(lastUsed(token)).as("not rewritten within a minute").isEqualTo(firstUse);

        clock.advance(Duration.ofSeconds(31));
        tokens.verify(token.value());
        assertThat(lastUsed(token)).isEqualTo(clock.millis());
    }

    private long lastUsed(ApiTokens.Created token) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT last_used_at FROM api_tokens WHERE id = :id")
                .bind("id", token.token().id()).mapTo(Long.class).one());
    }
}
