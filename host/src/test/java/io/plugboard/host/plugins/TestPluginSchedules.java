package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.hooks.ActionHook;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plugin's cron task runs at its times through the SDK, and a bad expression is refused naming the problem. */
class TestPluginSchedules {

    private static final ActionHook<String> CRON = ActionHook.of("scheduled.cron", String.class);
    private static final ActionHook<String> ONE = ActionHook.of("scheduled.one", String.class);

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(withPlugin()));

    private static Path withPlugin() {
        Path dir = TestHost.tempDir("plugins");
        ScheduledPlugin.jar().writeTo(dir);
        return dir;
    }

    @Test
    void aCronTaskRunsOncePerSecondOfItsExpression() {
        List<Instant> runs = new CopyOnWriteArrayList<>();
        host.host().hooks().addAction(CRON, t -> runs.add(Instant.now()));
        Await.until("three runs of '* * * * * ?'", () -> runs.size() >= 3);
        List<Instant> seconds = runs.stream().map(t -> t.truncatedTo(ChronoUnit.SECONDS)).toList();
        assertThat(seconds).as("one run per second of the expression, never two in one").doesNotHaveDuplicates();
    }

    @Test
    void aOneInstanceTaskRunsOnTheOnlyInstance() {
        List<String> runs = new CopyOnWriteArrayList<>();
        host.host().hooks().addAction(ONE, runs::add);
        Await.until("the one-instance task runs on a single host", () -> runs.size() >= 3);
    }

    @Test
    void aBadExpressionIsRefusedSayingWhy() throws Exception {
        String body = host.http().get("/api/v1/plugins/scheduled/refused").body();
        assertThat(body).contains("task 'bad'").contains("0 */5 * * *").contains("is not a Quartz cron expression");
    }
}
