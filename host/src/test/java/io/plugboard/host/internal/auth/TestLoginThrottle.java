package io.plugboard.host.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lockout rule, on a clock the test moves (the HTTP-level tests are in security.TestLoginLockout). */
class TestLoginThrottle {

    private final SettableClock clock = new SettableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address, "test");
        }
    }

    @Test
    void fiveFailuresLockThePairForFifteenMinutesButNotOtherAddresses() {
        fail("Admin", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
        fail("admin", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("ADMIN ", "10.0.0.1")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("admin", "10.0.0.2")).as("another address is not locked").isEmpty();
        assertThat(throttle.lockedFor("other", "10.0.0.1")).as("nor another account").isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockTheAddressForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            fail("user" + i, "10.0.0.9", 4);
        }
        assertThat(throttle.lockedFor("admin", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("admin", "10.0.0.8")).isEmpty();
    }

    @Test
    void failuresFromEverywhereSlowTheAccountDownUpToThirtySecondsAndNeverLockIt() {
        for (int i = 0; i < 9; i++) {
            fail("admin", "10.1.0." + i, 1);
        }
        assertThat(throttle.lockedFor("admin", "10.2.0.1")).isEmpty();
        fail("admin", "10.1.0.100", 1);
        assertThat(throttle.lockedFor("admin", "10.2.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("admin", "10.2.0.1")).isEmpty();
        fail("admin", "10.1.0.101", 1);
        assertThat(throttle.lockedFor("admin", "10.2.0.1")).contains(Duration.ofSeconds(2));
        for (int i = 0; i < 30; i++) {
            fail("admin", "10.3.0." + i, 1);
        }
        assertThat(throttle.lockedFor("admin", "10.2.0.1")).as("capped").contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("admin", "10.2.0.1")).as("the real admin gets a turn").isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountsCountsButNotTheAddresses() {
        fail("a", "10.0.0.1", 4);
        for (int i = 0; i < 4; i++) {
            fail("b" + i, "10.0.0.1", 4);
        }
        throttle.succeeded("a", "10.0.0.1");
        fail("a", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("a", "10.0.0.5")).isEmpty();
        assertThat(throttle.lockedFor("c", "10.0.0.1")).as("the address still counts 21 failures").isPresent();
    }

    @Test
    void anAccountLockedFromAnAddressOrSlowedDownIsReportedButAnAddressLockIsNot() {
        java.util.List<String> locked = new java.util.ArrayList<>();
        LoginThrottle reporting = new LoginThrottle(clock, locked::add);
        for (int i = 0; i < 20; i++) {
            reporting.failed("user" + (i % 5), "10.0.0.9", "test");
        }
        assertThat(reporting.lockedFor("anyone", "10.0.0.9")).as("the address is locked").isPresent();
        assertThat(locked).as("no account reached 5 failures from one address").isEmpty();
        for (int i = 0; i < 4; i++) {
            reporting.failed("Admin", "10.0.0.1", "test");
        }
        assertThat(locked).isEmpty();
        reporting.failed("Admin", "10.0.0.1", "test");
        assertThat(locked).containsExactly("Admin");
        for (int i = 0; i < 5; i++) {
            reporting.failed("other", "10.0.1." + i, "test");
        }
        assertThat(locked).hasSize(1);
        for (int i = 5; i < 10; i++) {
            reporting.failed("other", "10.0.1." + i, "test");
        }
        assertThat(locked).as("the 10th failure from anywhere starts the slow-down").containsExactly("Admin", "other");
    }

    @Test
    void waitsReadInWords() {
        assertThat(LoginThrottle.waitText(Duration.ofMillis(400))).isEqualTo("1 second(s)");
        assertThat(LoginThrottle.waitText(Duration.ofSeconds(30))).isEqualTo("30 second(s)");
        assertThat(LoginThrottle.waitText(Duration.ofMinutes(15))).isEqualTo("15 minute(s)");
    }
}
