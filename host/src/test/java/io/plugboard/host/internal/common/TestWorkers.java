package io.plugboard.host.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The supervision of background workers: nothing a pass throws ends a worker or goes unreported. */
class TestWorkers {

    private final Workers workers = new Workers(Clock.systemUTC());

    @Test
    void aPeriodicJobThatThrowsALinkageErrorKeepsRunningAndIsReportedUntilItRecovers() {
        AtomicBoolean broken = new AtomicBoolean(true);
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicWorker worker = workers.periodic("renewer", "test-renewer")) {
            worker.start(Duration.ZERO, Duration.ofMillis(5), () -> {
                runs.incrementAndGet();
                if (broken.get()) {
                    throw new AbstractMethodError("Receiver class X does not define resolve(String, int, Promise)");
                }
            });
            // A plain ScheduledExecutorService would never run the job again after the first throw.
            Await.until("three failed runs in a row", () -> workers.problems().stream()
                    .anyMatch(p -> p.worker().equals("renewer") && p.failures() >= 3));
            WorkerProblem problem = workers.problems().get(0);
            assertThat(problem.errorType()).isEqualTo("AbstractMethodError");
            assertThat(problem.error()).contains("does not define resolve");

            broken.set(false);
            Await.until("the worker recovered", () -> workers.problems().isEmpty());
            int after = runs.get();
            Await.until("it still runs", () -> runs.get() > after);
        }
    }

    @Test
    void aFailureIsLoggedOncePerStreakAndTheRecoveryToo() {
        Worker worker = workers.worker("recorder");
        String log = stderrOf(() -> {
            for (int i = 0; i < 5; i++) {
                worker.run(() -> {
                    throw new IllegalStateException("disk full");
                });
            }
            worker.run(() -> { });
        });
        assertThat(log.split("Background worker 'recorder' failed", -1)).as("one error line for five failures").hasSize(2);
        assertThat(log).contains("IllegalStateException: disk full").contains("works again after 5 failed pass(es)");
    }

    @Test
    void theBackoffDoublesFromOneSecondUpToAMinuteAndEndsWithASuccess() {
        Worker worker = workers.worker("dispatcher");
        assertThat(worker.backoff()).isZero();
        int[] expectedSeconds = {1, 2, 4, 8, 16, 32, 60, 60};
        for (int expected : expectedSeconds) {
            worker.failed(new OutOfMemoryError("test"));
            assertThat(worker.backoff()).isEqualTo(Duration.ofSeconds(expected));
        }
        worker.succeeded();
        assertThat(worker.backoff()).isZero();
        assertThat(workers.problems()).isEmpty();
    }

    @Test
    void aSupervisedLoopThatThrowsIsStartedAgain() throws InterruptedException {
        AtomicInteger starts = new AtomicInteger();
        CountDownLatch secondStart = new CountDownLatch(1);
        Worker worker = workers.worker("loop");
        Thread thread = Workers.supervisedThread(worker, "test-loop", () -> {
            if (starts.incrementAndGet() == 1) {
                throw new NoClassDefFoundError("org/example/Gone");
            }
            secondStart.countDown();
        }, () -> true);
        assertThat(secondStart.await(10, TimeUnit.SECONDS)).as("the loop was started again").isTrue();
        thread.join(10_000);
        assertThat(thread.isAlive()).as("a loop that returns ends its thread").isFalse();
        assertThat(workers.problems()).as("the second run succeeded").isEmpty();
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
