package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.InternalConfigs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What follows an attempt: succeeded, pending until when, or failed (and whether the webhook is gone). */
class TestRetryPolicy {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static RetryPolicy policy(double jitter) {
        return new RetryPolicy(InternalConfigs.delivery(DeliverySettings.defaults().toBuilder()
                .retrySchedule(List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .jitter(jitter)
                .maxRetryAfter(Duration.ofMinutes(2))
                .build()));
    }

    private static SendResult answered(int status, Duration retryAfter) {
        return new SendResult(status >= 200 && status < 300, status, Map.of(), "", 5, status < 300 ? null
                : "HTTP " + status, retryAfter);
    }

    @Test
    void aSuccessEndsTheDeliveryWhicheverAttemptItWas() {
        assertThat(policy(0).decide(4, answered(204, null), NOW)).isEqualTo(new RetryPolicy.Decision("succeeded", null, false));
    }

    @Test
    void goneFailsAtOnceAndDisablesTheWebhook() {
        assertThat(policy(0).decide(1, answered(410, null), NOW)).isEqualTo(new RetryPolicy.Decision("failed", null, true));
    }

    @ParameterizedTest(name = "attempt {0} failed: next in {1} s")
    @CsvSource({"1, 10", "2, 60", "3, 300"})
    void aFailureIsRetriedOnTheSchedule(int attempt, long seconds) {
        RetryPolicy.Decision d = policy(0).decide(attempt, SendResult.noResponse(5, "connection refused"), NOW);
        assertThat(d).isEqualTo(new RetryPolicy.Decision("pending", NOW.plusSeconds(seconds), false));
    }

    @Test
    void afterTheLastScheduledRetryTheDeliveryFails() {
        assertThat(policy(0).decide(4, answered(500, null), NOW)).isEqualTo(new RetryPolicy.Decision("failed", null, false));
    }

    @ParameterizedTest(name = "Retry-After {0} s on attempt 1: next in {1} s")
    @CsvSource({
            "30, 30",   // longer than the schedule's 10 s: the receiver's wish
            "3, 10",    // shorter: the schedule still holds
            "3600, 120" // longer than maxRetryAfter: capped
    })
    void retryAfterDelaysWithinItsCap(long asked, long expected) {
        RetryPolicy.Decision d = policy(0).decide(1, answered(503, Duration.ofSeconds(asked)), NOW);
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plusSeconds(expected));
    }

    @Test
    void jitterSpreadsTheDelayWithinItsFraction() {
        RetryPolicy jittered = policy(0.2);
        for (int i = 0; i < 200; i++) {
            Instant next = jittered.decide(1, answered(500, null), NOW).nextAttemptAt();
            assertThat(Duration.between(NOW, next).toMillis()).isBetween(8_000L, 12_000L);
        }
    }
}
