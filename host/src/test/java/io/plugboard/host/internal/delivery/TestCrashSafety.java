package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.ChildJvm;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At-least-once across a crash: a real child JVM emits a burst of events and is killed with SIGKILL
 * in the middle; a host restarted on the same data folder must deliver every event whose emit had
 * returned, counted as distinct {@code webhook-id}s at a real receiver.
 */
class TestCrashSafety {

    private static final int EVENTS = 2_000;
    private static final int KILL_AFTER_ACKS = 300;

    @Test
    void noAcknowledgedEventIsLostWhenTheHostIsKilled() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        try (Receiver receiver = new Receiver().script(r -> new Receiver.Reply(200, "", Map.of(), 20))) {
            Set<String> acked;
            try (ChildJvm child = ChildJvm.start(CrashChild.class, plugins.toString(), data.toString(),
                    receiver.url("/crash"), Integer.toString(EVENTS))) {
                Await.until("the child acknowledged " + KILL_AFTER_ACKS + " emits", Duration.ofSeconds(60),
                        () -> acks(child).size() >= KILL_AFTER_ACKS);
                child.kill();
                acked = acks(child);
            }
            assertThat(acked).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
            Set<String> beforeRestart = ids(receiver);
            Set<String> missing = new HashSet<>(acked);
            missing.removeAll(beforeRestart);
            assertThat(missing).as("the kill must leave acknowledged events undelivered, or this proves nothing")
                    .isNotEmpty();

            try (TestHost restarted = TestHost.start(plugins, data)) {
                Set<String> lost = Await.value("every acknowledged event delivered (the rest is lost)",
                        Duration.ofSeconds(60), () -> {
                            Set<String> undelivered = new HashSet<>(acked);
                            undelivered.removeAll(ids(receiver));
                            return undelivered;
                        }, Set::isEmpty);
                assertThat(lost).as("acknowledged events never delivered (%d were pending at the kill)", missing.size())
                        .isEmpty();
            }
        }
    }

    /** @return the ids of the emits the child said had returned */
    private static Set<String> acks(ChildJvm child) {
        return child.lines().stream().filter(l -> l.startsWith("ACK ")).map(l -> l.substring(4))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> ids(Receiver receiver) {
        return receiver.all().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
    }
}
