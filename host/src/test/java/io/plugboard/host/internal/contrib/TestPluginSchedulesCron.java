package io.plugboard.host.internal.contrib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.testing.Await;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.Runs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cron dialect (Quartz), its times in UTC or a zone, refusals, and real runs on the task threads. */
class TestPluginSchedulesCron {

    private static final Instant NOON = Instant.parse("2026-03-10T12:03:10Z");

    @Test
    void nextTimesFollowTheExpressionInUtc() {
        CronTimes every5 = CronTimes.parse("t", "0 */5 * * * ?", ZoneOffset.UTC, NOON);
        assertThat(every5.nextAfter(NOON)).contains(Instant.parse("2026-03-10T12:05:00Z"));
        assertThat(every5.nextAfter(Instant.parse("2026-03-10T12:05:00Z"))).contains(Instant.parse("2026-03-10T12:10:00Z"));
        CronTimes weekdays = CronTimes.parse("t", "30 15 9 ? * MON-FRI", ZoneOffset.UTC, NOON);
        assertThat(weekdays.nextAfter(Instant.parse("2026-03-13T10:00:00Z"))).as("Friday after 09:15 → Monday")
                .contains(Instant.parse("2026-03-16T09:15:30Z"));
    }

    @Test
    void aZoneGivenMovesTheTimes() {
        CronTimes twoAm = CronTimes.parse("t", "0 0 2 * * ?", ZoneId.of("Europe/Berlin"), NOON);
        assertThat(twoAm.nextAfter(NOON)).contains(Instant.parse("2026-03-11T01:00:00Z"));
    }

    @Test
    void badExpressionsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> CronTimes.parse("nightly", "0 */5 * * *", ZoneOffset.UTC, NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task 'nightly'").hasMessageContaining("'0 */5 * * *' is not a Quartz cron expression");
        assertThatThrownBy(() -> CronTimes.parse("t", "0 0 25 * * ?", ZoneOffset.UTC, NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("25");
        assertThatThrownBy(() -> CronTimes.parse("t", " ", ZoneOffset.UTC, NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a cron expression is required");
        assertThatThrownBy(() -> CronTimes.parse("t", "0 0 0 1 1 ? 2000", ZoneOffset.UTC, NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no time after");
    }

    @Test
    void aCronTaskRunsEverySecondKeepsGoingAfterAThrowAndStopsWhenRemoved() {
        try (TaskScheduler scheduler = new TaskScheduler(Clock.systemUTC(), null, Duration.ofSeconds(1))) {
            List<Instant> runs = new CopyOnWriteArrayList<>();
            Registration task = scheduler.cron("p", "tick", "* * * * * ?", ZoneOffset.UTC, () -> {
                runs.add(Instant.now());
                if (runs.size() == 1) {
                    throw new IllegalStateException("first run fails on purpose");
                }
            }, Runs.ON_EVERY_INSTANCE);
            Await.until("a run after the one that threw", () -> runs.size() >= 2);
            assertThat(Duration.between(runs.get(0), runs.get(1))).as("the next second, not at once")
                    .isGreaterThan(Duration.ofMillis(500));
            assertThat(scheduler.countOf("p")).isEqualTo(1);
            task.remove();
            assertThat(scheduler.countOf("p")).isZero();
            assertThatThrownBy(() -> scheduler.cron("p", "bad", "every minute", ZoneOffset.UTC, () -> {}, Runs.ON_EVERY_INSTANCE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task 'bad'");
        }
    }

    @Test
    void runsOfOneTaskNeverOverlap() {
        try (TaskScheduler scheduler = new TaskScheduler(Clock.systemUTC(), null, Duration.ofSeconds(1))) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger runs = new AtomicInteger();
            scheduler.every("p", "busy", Duration.ofMillis(100), () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                long until = System.nanoTime() + 150_000_000L; // busy longer than the period, without sleeping
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                inside.decrementAndGet();
                runs.incrementAndGet();
            }, Runs.ON_EVERY_INSTANCE);
            Await.until("three runs", () -> runs.get() >= 3);
            assertThat(most.get()).isEqualTo(1);
        }
    }
}
