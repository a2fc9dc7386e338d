package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.Worker;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries. One thread picks due work per webhook, round-robin, never more than
 * {@code maxInFlightPerWebhook} requests to one webhook nor {@code maxInFlightTotal} in all, so a slow
 * endpoint cannot hold back the others; requests run asynchronously, and a finished request fills its
 * own slot without a thread hand-off. The {@link AttemptRecorder} records outcomes in batches. A
 * delivery stays "in flight" until its outcome is committed, so it is never sent twice by this
 * process; after a crash every pending delivery is simply due again. What it reads it has claimed
 * ({@link DeliveryQueue}, {@link Leases}), so other instances on the same database leave it alone;
 * while its claims cannot be renewed it sends nothing. Requests are built (filters, template, signature)
 * in the webhook's {@link BuildLanes} lane, not on the dispatching thread, so a slow or stuck build
 * delays only its own webhook. It is a supervised {@link Worker}: a pass or a send that throws (even a
 * {@link LinkageError} from a mismatched library) is logged and reported on {@code /health}, the
 * deliveries concerned are retried later, and passes go on after a backoff.
 *
 * <p>Just over 300 lines: the pass, the slot accounting and the read-ahead share one lock and read best together.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How long an idle dispatcher waits unless woken: new work commits wake it, so this only catches missed wakes. */
    static final Duration IDLE_POLL = Duration.ofMillis(500);
    /** Due deliveries read ahead per webhook, so the database is read once per many sends. */
    private static final int PREFETCH = 200;

    private final DispatchTargets targets;
    private final RequestFactory requests;
    private final DestinationSender sender;
    private final AttemptRecorder recorder;
    private final DeliveryConfig settings;
    private final DeliveryMetrics metrics;
    private final Ids ids;
    private final Clock clock;
    private final Leases leases;
    private final RateLimiter limits;
    private final Duration longestRequest;
    private final Duration idlePoll;
    private final Worker worker;
    private boolean leaseWarned;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> inFlightByWebhook = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightTotal = new AtomicInteger();
    private final ReadAhead readAhead;
    private final WakeSignal signal = new WakeSignal();
    /** Guards the read-ahead and the round-robin: held by whichever thread is dispatching. */
    private final ReentrantLock dispatchLock = new ReentrantLock();
    private volatile boolean dispatching;
    private int roundRobin;
    private Thread dispatchThread;
    private final BuildLanes lanes = new BuildLanes(this::wake);

    Dispatcher(DeliveryQueue queue, WebhookStore webhooks, RequestFactory requests, DestinationSender sender,
               CompletionWriter writer, DeliveryConfig settings, DeliveryMetrics metrics, Ids ids, Clock clock,
               Leases leases, RateLimiter limits, Workers workers, Duration idlePoll) {
        this.idlePoll = idlePoll;
        this.readAhead = new ReadAhead(queue, inFlight);
        this.limits = limits;
        this.targets = new DispatchTargets(webhooks);
        this.requests = requests;
        this.sender = sender;
        this.worker = workers.worker("dispatcher");
        this.recorder = new AttemptRecorder(writer, workers.worker("delivery-writer"), batch -> {
            batch.forEach(a -> inFlight.remove(a.delivery().id()));
            wake();
        });
        this.settings = settings;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
        this.leases = leases;
        this.longestRequest = settings.connectTimeout().plus(settings.requestTimeout());
    }

    public void start() {
        dispatching = true;
        recorder.start();
        dispatchThread = Workers.supervisedThread(worker, "plugboard-dispatcher", this::dispatchLoop, () -> dispatching);
    }

    /** Asks for a look at the queue now: new deliveries were committed, or a slot became free. */
    public void wake() {
        signal.wake();
    }

    private void dispatchLoop() {
        while (dispatching) {
            dispatchLock.lock();
            boolean passed = dispatchAndUnlock();
            try {
                if (passed) {
                    signal.awaitWake(limits.nextWake(idlePoll), () -> dispatching);
                } else {
                    signal.awaitPause(worker.backoff(), () -> dispatching);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void dispatchDue() {
        Instant now = clock.instant();
        refreshTargets();
        List<Webhook> webhooks = targets.list();
        if (webhooks.isEmpty() || !claimsHold()) {
            return;
        }
        int start = Math.floorMod(roundRobin++, webhooks.size());
        for (int i = 0; i < webhooks.size() && dispatching; i++) {
            Webhook w = webhooks.get((start + i) % webhooks.size());
            if (!sender.available(w) || !lanes.free(w.id())) {
                continue;
            }
            AtomicInteger busy = inFlightByWebhook.computeIfAbsent(w.id(), k -> new AtomicInteger());
            int free = Math.min(settings.maxInFlightPerWebhook() - busy.get(),
                    settings.maxInFlightTotal() - inFlightTotal.get());
            if (free <= 0) {
                continue;
            }
            ArrayDeque<DueDelivery> ahead = readAhead.of(w.id());
            // A rate-limited webhook claims a bucket's worth at a time, and sends what its tokens allow:
            // the rest stays queued, in order, not attempted.
            int prefetch = limits.prefetch(w, PREFETCH);
            if (prefetch < PREFETCH) {
                if (ahead.isEmpty() && !readAhead.fill(w.id(), now, prefetch)) {
                    continue;
                }
                free = limits.take(w, Math.min(free, ahead.size()));
            }
            List<DueDelivery> batch = new ArrayList<>();
            while (free > 0) {
                if (ahead.isEmpty() && !readAhead.fill(w.id(), now, prefetch)) {
                    break;
                }
                DueDelivery d = ahead.poll();
                if (inFlight.add(d.id())) {
                    free--;
                    busy.incrementAndGet();
                    inFlightTotal.incrementAndGet();
                    batch.add(d);
                }
            }
            if (!batch.isEmpty()) {
                lanes.run(w.id(), () -> batch.forEach(d -> send(w, d)));
            }
        }
    }

    /**
     * False (and the read-ahead dropped) while this instance's claims might expire before a request
     * started now ends: another instance may take them over then, and the delivery would go out twice.
     */
    private boolean claimsHold() {
        if (leases.holdFor(longestRequest)) {
            leaseWarned = false;
            return true;
        }
        if (!leaseWarned) {
            log.warn("Not sending: this instance's delivery claims could not be renewed lately");
            leaseWarned = true;
        }
        readAhead.clear();
        return false;
    }

    /** A webhook was created, changed or deleted on this instance: the next look reads them again. */
    public void webhooksChanged() {
        targets.changed();
        wake();
    }

    /** Re-reads the enabled webhooks when due, dropping read-ahead of ones that were turned off. */
    private void refreshTargets() {
        if (!targets.refresh()) {
            return;
        }
        Set<String> enabled = new HashSet<>();
        targets.list().forEach(w -> enabled.add(w.id()));
        // Read-ahead may hold deliveries redelivered or rescheduled meanwhile; start afresh each refresh.
        readAhead.restart(enabled);
    }

    /**
     * Builds the request (in the webhook's lane) and sends it; a build that fails is a failed attempt.
     * So is a send that throws: that is the host's fault, not the endpoint's (e.g. a library of another
     * version on the class path), so the dispatcher is reported failing too.
     */
    private void send(Webhook w, DueDelivery d) {
        Instant at = clock.instant();
        WebhookRequest request;
        try {
            request = requests.build(w, d.event(), at);
        } catch (RuntimeException | StackOverflowError e) {
            finish(w, d, WebhookRequest.unbuilt(requests.target(w)),
                    SendResult.noResponse(0, "the request could not be built: " + e.getMessage()), at);
            return;
        }
        try {
            sender.sendAsync(w, request, d.event(), d.attempt()).thenAccept(result -> finish(w, d, request, result, at));
        } catch (RuntimeException | LinkageError e) {
            worker.failed(e);
            finish(w, d, request, SendResult.noResponse(0, "not sent: the host failed to send ("
                    + e.getClass().getSimpleName() + "); see its log"), at);
        }
    }

    private void finish(Webhook w, DueDelivery d, WebhookRequest request, SendResult result, Instant at) {
        // The endpoint is free for the next request now; the id stays "in flight" until its outcome
        // is committed, so it cannot be picked again meanwhile.
        inFlightByWebhook.get(w.id()).decrementAndGet();
        inFlightTotal.decrementAndGet();
        if (!result.success()) {
            log.warn("Delivery failed: webhook={} event={} delivery={} attempt={} reason={}",
                    w.id(), d.event().id(), d.id(), d.attempt(), result.error());
        }
        if (Integer.valueOf(429).equals(result.responseStatus())) {
            limits.tooManyRequests(w, result.retryAfter());
        }
        metrics.attempted(w.id(), w.appId(), d.event(), result, at);
        recorder.add(new Attempt(ids.next("att"), d, request, result, at, true));
        // Fill the freed slot right here when no one else is dispatching: no thread hand-off. Not when
        // this thread is the one dispatching (a send that failed at once): that pass goes on anyway;
        // nor while failing: the dispatching thread retries after its backoff.
        if (dispatching && !worker.failing() && !dispatchLock.isHeldByCurrentThread()
                && dispatchLock.tryLock()) {
            dispatchAndUnlock();
        } else {
            wake();
        }
    }

    /**
     * Runs one dispatch pass; the caller holds {@code dispatchLock}, which this releases.
     *
     * @return false if the pass failed (logged and reported by the worker)
     */
    private boolean dispatchAndUnlock() {
        try {
            return worker.run(this::dispatchDue);
        } finally {
            dispatchLock.unlock();
        }
    }

    /** Stops taking new work, waits up to the drain timeout for requests in flight, then stops. */
    @Override
    public void close() {
        dispatching = false;
        wake();
        join(dispatchThread, 5_000);
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
        }
        if (!inFlight.isEmpty()) {
            log.warn("Stopping with {} delivery attempt(s) unfinished; they will be sent again after restart",
                    inFlight.size());
        }
        lanes.close();
        recorder.close();
    }

    private static void join(Thread t, long ms) {
        try {
            if (t != null) {
                t.join(ms);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
