package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.ChildJvm;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Group commit and batches across a crash: a host in a real child JVM takes emits from many threads at
 * once, REST single emits and batches from the test and in-process emits of its own, all sharing group
 * commits, and is killed with SIGKILL while requests are under way. What the kill left in the database
 * must be exactly what was acknowledged, plus whole requests that were still unanswered (a batch all or
 * none, never part); nothing of a refused request; and a host restarted on the same data folder must
 * deliver every acknowledged event (at least once: duplicates are counted, not refused).
 */
class TestGroupCommitCrash {

    private static final int THREADS = 8;
    private static final String TAKEN_KEY = "crash-taken-key";

    @Test
    void aKillDuringConcurrentEmitsAndBatchesLeavesTheAcknowledgedEventsAndWholeRequestsOnly() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        // Slow until the kill, so it leaves acknowledged events to deliver after the restart; fast after it.
        AtomicBoolean killed = new AtomicBoolean();
        try (Receiver receiver = new Receiver().script(r -> new Receiver.Reply(200, "", Map.of(), killed.get() ? 0 : 50));
             ChildJvm child = ChildJvm.start(GroupCommitCrashChild.class, plugins.toString(), data.toString(),
                     receiver.url("/crash"), Integer.toString(THREADS))) {
            String[] ready = child.awaitReady().split(" ", 2); // base URL, Authorization header
            Http.Response taken = new Http(ready[0]).postJson("/api/v1/events",
                    "{\"type\":\"ping\",\"data\":{\"n\":\"taken\"}}",
                    Map.of("Authorization", ready[1], "Idempotency-Key", TAKEN_KEY));
            assertThat(taken.status()).as(taken.body()).isEqualTo(202);

            child.tell("GO");
            RestEmitLoad load = new RestEmitLoad(ready[0], ready[1], TAKEN_KEY, THREADS);
            try (load) {
                Await.until("1,000 events acknowledged over REST and 300 emits returned in the host",
                        Duration.ofSeconds(30), () -> load.acknowledgedEvents() >= 1_000 && returned(child).size() >= 300);
                load.stop();
                child.kill();
                killed.set(true);
            }
            StoredEvents stored = StoredEvents.read(data);

            List<String> wrong = new ArrayList<>(checkRest(load.sent(), stored));
            Map<String, String> returned = returned(child);
            wrong.addAll(checkInProcess(returned, stored));
            assertThat(wrong).as("what the kill left in the database").isEmpty();
            assertThat(stored.withoutDelivery()).as("events stored without their delivery").isZero();
            Map<SentRequest.Outcome, List<SentRequest>> byOutcome = load.sent().stream()
                    .collect(Collectors.groupingBy(SentRequest::outcome));
            assertThat(byOutcome.getOrDefault(SentRequest.Outcome.IN_FLIGHT, List.of()))
                    .as("the kill must catch batches in flight, or this proves nothing")
                    .anyMatch(r -> r.kind().batch());
            assertThat(byOutcome.getOrDefault(SentRequest.Outcome.REFUSED, List.of()))
                    .as("the batches reusing a taken key are refused with 409, and nothing else is")
                    .isNotEmpty()
                    .allMatch(r -> r.kind() == SentRequest.Kind.CONFLICTING_BATCH && r.refusal().startsWith("409 "));

            Set<String> acknowledged = new HashSet<>(returned.values());
            acknowledged.add(taken.json().get("id").asText());
            byOutcome.getOrDefault(SentRequest.Outcome.ACKNOWLEDGED, List.of()).forEach(r -> acknowledged.addAll(r.ids()));
            restartAndAwaitDelivery(plugins, data, receiver, acknowledged, stored.ids());
        }
    }

    /** Each REST request: acknowledged ones stored under the ids answered, refused ones not at all, the rest all or none. */
    private static List<String> checkRest(List<SentRequest> sent, StoredEvents stored) {
        List<String> wrong = new ArrayList<>();
        for (SentRequest request : sent) {
            List<String> ids = stored.idsOf(request.markers());
            switch (request.outcome()) {
                case ACKNOWLEDGED -> {
                    if (!ids.equals(request.ids())) {
                        wrong.add(request + " was answered with " + request.ids().size() + " id(s) but " + ids.size()
                                + " event(s) are stored" + (ids.size() == request.ids().size() ? " under other ids" : ""));
                    }
                }
                case REFUSED -> {
                    if (!ids.isEmpty()) {
                        wrong.add(request + " was refused (" + request.refusal() + ") but stored as " + ids);
                    }
                }
                case IN_FLIGHT -> {
                    if (!ids.isEmpty() && ids.size() != request.markers().size()) {
                        wrong.add(request + " was stored in part: " + ids.size() + " event(s)");
                    }
                }
            }
        }
        Set<String> sentMarkers = sent.stream().flatMap(r -> r.markers().stream()).collect(Collectors.toSet());
        stored.markers().stream().filter(m -> m.startsWith("r") && !sentMarkers.contains(m))
                .forEach(m -> wrong.add("stored but never sent: " + m));
        return wrong;
    }

    /**
     * Each in-process emit that returned is stored under its id; as a thread emits one event after another,
     * only the one under way at the kill, the thread's next, may be stored without having returned.
     */
    private static List<String> checkInProcess(Map<String, String> returned, StoredEvents stored) {
        List<String> wrong = new ArrayList<>();
        returned.forEach((marker, id) -> {
            if (!stored.idsOf(List.of(marker)).equals(List.of(id))) {
                wrong.add(marker + " returned " + id + " but is stored as " + stored.idsOf(List.of(marker)));
            }
        });
        Map<String, Long> returnedPerThread = returned.keySet().stream()
                .collect(Collectors.groupingBy(m -> m.split("-")[0], Collectors.counting()));
        for (String marker : stored.markers()) {
            String thread = marker.split("-")[0];
            String next = thread + "-" + returnedPerThread.getOrDefault(thread, 0L);
            if (marker.startsWith("e") && !returned.containsKey(marker)
                    && !(marker.equals(next) && stored.idsOf(List.of(marker)).size() == 1)) {
                wrong.add(marker + " is stored as " + stored.idsOf(List.of(marker)) + " but its emit never returned");
            }
        }
        stored.markers().stream().filter(m -> !m.matches("(r|e)[0-9]+-[0-9]+(-[0-9]+)?|taken"))
                .forEach(m -> wrong.add("stored but never emitted: " + m));
        return wrong;
    }

    /** @return per in-process emit that returned (the child printed {@code ACK <marker> <id>}): marker to id */
    private static Map<String, String> returned(ChildJvm child) {
        return child.lines().stream().filter(l -> l.startsWith("ACK ")).map(l -> l.split(" "))
                .collect(Collectors.toMap(a -> a[1], a -> a[2]));
    }

    private static void restartAndAwaitDelivery(Path plugins, Path data, Receiver receiver, Set<String> acknowledged,
                                                Set<String> stored) {
        Set<String> pending = new HashSet<>(acknowledged);
        pending.removeAll(delivered(receiver));
        assertThat(pending).as("the kill must leave acknowledged events undelivered, or this proves nothing")
                .isNotEmpty();
        try (TestHost restarted = TestHost.start(plugins, data)) {
            Set<String> lost = Await.value("every stored event delivered (the rest is lost)", Duration.ofSeconds(30),
                    () -> {
                        Set<String> undelivered = new HashSet<>(stored);
                        undelivered.removeAll(delivered(receiver));
                        return undelivered;
                    }, Set::isEmpty);
            assertThat(lost).isEmpty();
        }
        Set<String> received = delivered(receiver);
        assertThat(acknowledged).as("acknowledged events never delivered (%d were pending at the kill)", pending.size())
                .allMatch(received::contains);
        System.out.printf("%s: %d events acknowledged, %d stored, %d deliveries for %d events (%d duplicates)%n",
                TestGroupCommitCrash.class.getSimpleName(), acknowledged.size(), stored.size(), receiver.all().size(),
                received.size(), receiver.all().size() - received.size());
    }

    private static Set<String> delivered(Receiver receiver) {
        return receiver.all().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
    }
}
