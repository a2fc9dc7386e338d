package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Receiver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@link Dispatcher} on its own ({@link DispatcherRig}: a real database and a real HTTP receiver):
 * it takes webhooks in turn, keeps to the in-flight limit per webhook, and a wake sends new work at once.
 */
class TestDispatcher {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void webhooksTakeTurnsSoAnOlderBacklogDoesNotHoldBackTheOthers() throws Exception {
        try (Receiver receiver = new Receiver(); DispatcherRig rig = new DispatcherRig(1, 1)) {
            rig.webhook("wh_a", receiver.url("/a"));
            rig.webhook("wh_b", receiver.url("/b"));
            // A's backlog is all older than B's three: sent oldest first overall, B would come after all of A.
            rig.due("wh_a", "a", 30, 60_000);
            rig.due("wh_b", "b", 3, 1_000);
            rig.start();

            List<String> order = receiver.awaitCount(33, WAIT).stream().map(Receiver.Request::path).toList();
            assertThat(order).hasSize(33);
            // One request at a time in all, passes starting at the next webhook each time: B's three go out
            // interleaved with A's, long before A's backlog is through.
            assertThat(order.subList(0, 15)).as("the first 15 requests, in order: " + order).filteredOn("/b"::equals)
                    .hasSize(3);
            Await.until("every delivery recorded", () -> rig.succeeded("wh_a") == 30 && rig.succeeded("wh_b") == 3);
            assertThat(receiver.all()).as("each delivery sent once").hasSize(33);
        }
    }

    @Test
    void aWebhookNeverHasMoreRequestsInFlightThanItsLimitWhileOthersGoOn() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger atA = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (Receiver receiver = new Receiver(); DispatcherRig rig = new DispatcherRig(2, 50)) {
            receiver.script(r -> {
                if (r.path().equals("/a")) {
                    mostAtOnce.accumulateAndGet(atA.incrementAndGet(), Math::max);
                    try {
                        gate.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    atA.decrementAndGet();
                }
                return Receiver.Reply.of(200);
            });
            rig.webhook("wh_a", receiver.url("/a"));
            rig.webhook("wh_b", receiver.url("/b"));
            rig.due("wh_a", "a", 10, 60_000);
            rig.start();
            try {
                heldAtTheLimit(rig, receiver, atA);
            } finally {
                gate.countDown();
            }
            Await.until("all of A's deliveries recorded", () -> rig.succeeded("wh_a") == 10);
            assertThat(mostAtOnce.get()).as("most requests to A in flight at once").isEqualTo(2);
        }
    }

    /** While A's two requests are held: a pass for new work of B's adds none to A. */
    private static void heldAtTheLimit(DispatcherRig rig, Receiver receiver, AtomicInteger atA) {
        Await.until("A's first two requests held at the receiver", () -> atA.get() == 2);
        // New work for B, woken: a pass runs while A's two slots are taken. B's request goes out and is
        // recorded, which runs passes again; none of them may add a third request to A.
        rig.due("wh_b", "b", 1, 0);
        rig.dispatcher.wake();
        Await.until("B's delivery recorded while A is held", () -> rig.succeeded("wh_b") == 1);
        assertThat(receiver.all().stream().filter(r -> r.path().equals("/a"))).as("requests to A").hasSize(2);
    }

    /**
     * Work committed while the dispatcher idles is sent on a wake, not at the next idle poll: here the poll is
     * an hour away, so each round (one delivery, stored once the one before was recorded) can only go out
     * because it was woken. Nothing is timed: a loaded machine makes the rounds slower, never wrong.
     */
    @Test
    void aWakeSendsNewWorkWithoutWaitingForTheIdlePoll() throws Exception {
        int rounds = 6;
        try (Receiver receiver = new Receiver();
             DispatcherRig rig = new DispatcherRig(4, 50, Duration.ofHours(1))) {
            rig.webhook("wh_a", receiver.url("/a"));
            rig.start();
            for (int i = 1; i <= rounds; i++) {
                rig.due("wh_a", "woken" + i, 1, 0);
                rig.dispatcher.wake();
                int done = i;
                Await.until("woken round " + i + " recorded", () -> rig.succeeded("wh_a") == done);
            }
            assertThat(receiver.all()).hasSize(rounds);
        }
    }
}
