package io.plugboard.host.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The memory of HTTP Basic checks on a clock the test moves; the HTTP-level tests are in security.TestBasicCredentialsMemory. */
class TestVerifiedCredentials {


    private static final AdminUsers.AdminUser ADMIN = new AdminUsers.AdminUser("usr_1", "admin", Role.ADMIN);
    private static final String PASSWORD = "correct horse battery staple";

    private final SettableClock clock = new SettableClock();
    private final VerifiedCredentials verified = new VerifiedCredentials(clock);
    private final AtomicInteger checks = new AtomicInteger();

    /** A password check that passes for ADMIN and PASSWORD only, counting how often it runs. */
    private Optional<AdminUsers.AdminUser> verify(String user, String password) {
        return verified.verify(user, password, () -> {
            checks.incrementAndGet();
            return user.equals(ADMIN.username()) && password.equals(PASSWORD) ? Optional.of(ADMIN) : Optional.empty();
        });
    }

    @Test
    void aVerifiedPairIsTrustedForTheTtlFromItsCheckThenCheckedAgain() {
        assertThat(verify("admin", PASSWORD)).contains(ADMIN);
        assertThat(checks).hasValue(1);
        clock.advance(VerifiedCredentials.TTL.minusMillis(1));
        assertThat(verify("admin", PASSWORD)).contains(ADMIN);
        assertThat(checks).as("remembered, and using it does not extend it").hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(verify("admin", PASSWORD)).contains(ADMIN);
        assertThat(checks).as("expired: checked again").hasValue(2);
    }

    @Test
    void aFailedCheckIsNeverRememberedAndOtherPairsAreCheckedInFull() {
        assertThat(verify("admin", PASSWORD)).contains(ADMIN);
        for (String wrong : new String[] {PASSWORD + "x", PASSWORD.substring(1), "", PASSWORD.toUpperCase()}) {
            assertThat(verify("admin", wrong)).as(wrong).isEmpty();
            assertThat(verify("admin", wrong)).as(wrong).isEmpty();
        }
        assertThat(checks).as("every wrong password checked, every time").hasValue(9);
        assertThat(verified.size()).isEqualTo(1);
        assertThat(verify("nobody", PASSWORD)).isEmpty();
        assertThat(checks).hasValue(10);
    }

    @Test
    void forgettingAnAdminDropsOnlyTheirPairsWhateverTheCase() {
        AdminUsers.AdminUser other = new AdminUsers.AdminUser("usr_2", "other", Role.ADMIN);
        verify("admin", PASSWORD);
        verified.verify("other", "other passphrase", () -> Optional.of(other));
        verified.forget(" ADMIN ");
        assertThat(verify("admin", PASSWORD)).contains(ADMIN);
        assertThat(checks).as("checked again after the forget").hasValue(2);
        assertThat(verified.verify("other", "other passphrase", Optional::empty)).as("still remembered").contains(other);
    }

    @Test
    void aCheckThatRanWhileTheAdminWasForgottenIsNotRemembered() {
        // As if the password changed while the check read the old hash: its success must not be kept.
        Supplier<Optional<AdminUsers.AdminUser>> racing = () -> {
            verified.forget("admin");
            return Optional.of(ADMIN);
        };
        assertThat(verified.verify("admin", PASSWORD, racing)).contains(ADMIN);
        assertThat(verified.size()).isZero();
        assertThat(verify("admin", PASSWORD)).contains(ADMIN);
        assertThat(checks).hasValue(1);
    }

    @Test
    void theMemoryIsBoundedDroppingExpiredPairsThenTheOldest() {
        int max = VerifiedCredentials.MAX_ENTRIES;
        for (int i = 0; i < max + 10; i++) {
            AdminUsers.AdminUser admin = new AdminUsers.AdminUser("usr_" + i, "admin" + i, Role.ADMIN);
            verified.verify("admin" + i, PASSWORD, () -> Optional.of(admin));
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(verified.size()).isEqualTo(max);
        assertThat(verified.verify("admin" + (max + 9), PASSWORD, Optional::empty)).as("the newest stays").isPresent();
        assertThat(verified.verify("admin0", PASSWORD, Optional::empty)).as("the oldest went").isEmpty();

        clock.advance(VerifiedCredentials.TTL);
        verify("admin", PASSWORD);
        verify("admin", PASSWORD);
        assertThat(verified.size()).as("all the others had expired: swept, not kept up to the bound").isEqualTo(1);
        assertThat(checks).hasValue(1);
    }

    @Test
    void pairsAreFoundByAKeyedHashThatHoldsNeitherThePasswordNorAPlainHashOfIt() {
        String key = verified.key("admin", PASSWORD);
        String encoded = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(key).doesNotContain(PASSWORD).doesNotContain("admin").doesNotContain(encoded)
                .isNotEqualTo(Hashes.sha256(PASSWORD)).isNotEqualTo(Hashes.sha256("admin:" + PASSWORD));
        assertThat(verified.key("admin", PASSWORD)).as("stable within the process").isEqualTo(key);
        assertThat(new VerifiedCredentials(clock).key("admin", PASSWORD)).as("a random key per process")
                .isNotEqualTo(key);
        assertThat(verified.key("ab", "c")).as("user and password kept apart").isNotEqualTo(verified.key("a", "bc"));
    }
}
