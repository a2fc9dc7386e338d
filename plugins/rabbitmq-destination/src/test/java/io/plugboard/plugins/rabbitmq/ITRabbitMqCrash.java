package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.Plugboard;
import io.plugboard.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least once across a crash, to a real RabbitMQ: a host in a child JVM emits a burst of events to a
 * webhook that publishes to a queue and is killed with SIGKILL in the middle; a host restarted on the same
 * data folder must bring every event whose emit had returned into the queue. Duplicates are allowed and
 * counted (an event published before the kill whose delivery was not yet recorded is published again).
 */
class ITRabbitMqCrash {

    private static final int EVENTS = 5_000;
    private static final int KILL_AFTER_ACKS = 1_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void every_acknowledged_event_reaches_the_queue_after_a_kill_and_a_restart(@TempDir Path root) throws Exception {
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Path data = root.resolve("data");
        Files.copy(ThroughHost.pluginJar(), plugins.resolve("rabbitmq-destination.jar"));
        try (TestBroker broker = new TestBroker()) {
            String queue = broker.durableQueue(); // as in production: confirmed once on disk
            Path stdout = root.resolve("child-stdout.txt");
            Path stderr = root.resolve("child-stderr.txt");
            Process child = new ProcessBuilder(javaCommand(plugins, data, queue)).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            try {
                // Kill mid-delivery: enough emits returned, and some of them already published.
                Await.until(KILL_AFTER_ACKS + " emits returned and deliveries under way", Duration.ofSeconds(30), () -> {
                    assertThat(child.isAlive()).as(() -> "the child JVM runs; its log:\n" + read(stderr)).isTrue();
                    return acks(stdout).size() >= KILL_AFTER_ACKS && messageCount(broker, queue) > 0;
                }, Boolean::booleanValue);
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child JVM died").isTrue();
            }
            Set<String> acked = acks(stdout);
            List<String> received = new ArrayList<>(broker.takeMessageIds(queue));
            int deliveredBeforeKill = received.size();
            Set<String> pendingAtKill = missing(acked, received);
            assertThat(pendingAtKill).as("the kill must leave acknowledged events undelivered, or this proves nothing")
                    .isNotEmpty();

            try (Plugboard restarted = Plugboard.builder().pluginsDir(plugins).dataDir(data).bindHost("127.0.0.1")
                    .port(0).eventType(ThroughHost.ORDER_PAID).delivery(ThroughHost.RETRIES).build().start()) {
                Await.until("every acknowledged event in the queue", Duration.ofSeconds(30), () -> {
                    received.addAll(take(broker, queue));
                    return missing(acked, received);
                }, Set::isEmpty);
            }
            received.addAll(broker.takeMessageIds(queue)); // what the restarted host sent until it stopped
            Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            Map<String, Long> duplicates = copies.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            System.out.printf("ITRabbitMqCrash: %d events acknowledged, %d messages in the queue at the kill, %d"
                    + " acknowledged ones not yet; %d messages for %d distinct events in the end, all acknowledged ones"
                    + " found; %d duplicated: %s%n", acked.size(), deliveredBeforeKill, pendingAtKill.size(),
                    received.size(), copies.size(), duplicates.size(), duplicates);
            assertThat(missing(acked, received)).isEmpty();
        }
    }

    private static List<String> javaCommand(Path plugins, Path data, String queue) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", // starts faster on a loaded machine; the child runs briefly
                RabbitMqCrashChild.class.getName(), plugins.toString(), data.toString(), queue, Integer.toString(EVENTS));
    }

    /** @return the ids of the emits the child said had returned (complete lines only) */
    private static Set<String> acks(Path stdout) {
        String text = read(stdout);
        return text.substring(0, text.lastIndexOf('\n') + 1).lines().filter(l -> l.startsWith("ACK "))
                .map(l -> l.substring(4)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> missing(Set<String> acked, List<String> received) {
        Set<String> missing = new HashSet<>(acked);
        received.forEach(missing::remove);
        return missing;
    }

    private static long messageCount(TestBroker broker, String queue) {
        try {
            return broker.messageCount(queue);
        } catch (Exception e) {
            throw new AssertionError("cannot read the queue " + queue, e);
        }
    }

    private static List<String> take(TestBroker broker, String queue) {
        try {
            return broker.takeMessageIds(queue);
        } catch (Exception e) {
            throw new AssertionError("cannot read the queue " + queue, e);
        }
    }
}
