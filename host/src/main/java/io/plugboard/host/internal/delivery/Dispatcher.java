package io.plugboard.host.internal.delivery;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.internal.Ids;
import io.plugboard.host.internal.webhooks.Webhook;
import io.plugboard.host.internal.webhooks.WebhookStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries. One thread picks due work per webhook, round-robin, never more than
 * {@code maxInFlightPerWebhook} requests to one webhook nor {@code maxInFlightTotal} in all, so a slow
 * endpoint cannot hold back the others; requests run asynchronously. A second thread records finished
 * attempts in batches. A delivery stays "in flight" until its outcome is committed, so it is never
 * sent twice by this process; after a crash every pending delivery is simply due again.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long IDLE_POLL_MS = 500;
    private static final int BATCH = 500;

    private final DeliveryQueue queue;
    private final WebhookStore webhooks;
    private final RequestFactory requests;
    private final HttpSender http;
    private final CompletionWriter writer;
    private final DeliverySettings settings;
    private final DeliveryMetrics metrics;
    private final Ids ids;
    private final Clock clock;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> inFlightByWebhook = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightTotal = new AtomicInteger();
    private final LinkedBlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();
    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean dispatching;
    private volatile boolean writing;
    private int roundRobin;
    private Thread dispatchThread;
    private Thread writeThread;

    Dispatcher(DeliveryQueue queue, WebhookStore webhooks, RequestFactory requests, HttpSender http,
               CompletionWriter writer, DeliverySettings settings, DeliveryMetrics metrics, Ids ids, Clock clock) {
        this.queue = queue;
        this.webhooks = webhooks;
        this.requests = requests;
        this.http = http;
        this.writer = writer;
        this.settings = settings;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
    }

    public void start() {
        dispatching = true;
        writing = true;
        dispatchThread = new Thread(this::dispatchLoop, "plugboard-dispatcher");
        writeThread = new Thread(this::writeLoop, "plugboard-delivery-writer");
        dispatchThread.start();
        writeThread.start();
    }

    /** Asks for a look at the queue now: new deliveries were committed, or a slot became free. */
    public void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    public int inFlight() {
        return inFlightTotal.get();
    }

    private void dispatchLoop() {
        while (dispatching) {
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                log.error("Dispatcher cycle failed; retrying shortly", e);
            }
            synchronized (signal) {
                if (!wakeRequested && dispatching) {
                    try {
                        signal.wait(IDLE_POLL_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                wakeRequested = false;
            }
        }
    }

    private void dispatchDue() {
        Instant now = clock.instant();
        List<Webhook> targets = webhooks.enabled();
        if (targets.isEmpty()) {
            return;
        }
        int start = Math.floorMod(roundRobin++, targets.size());
        for (int i = 0; i < targets.size() && dispatching; i++) {
            Webhook w = targets.get((start + i) % targets.size());
            AtomicInteger busy = inFlightByWebhook.computeIfAbsent(w.id(), k -> new AtomicInteger());
            int free = Math.min(settings.maxInFlightPerWebhook() - busy.get(),
                    settings.maxInFlightTotal() - inFlightTotal.get());
            if (free <= 0) {
                continue;
            }
            for (DueDelivery d : queue.due(w.id(), now, free + busy.get())) {
                if (free == 0) {
                    break;
                }
                if (inFlight.add(d.id())) {
                    free--;
                    busy.incrementAndGet();
                    inFlightTotal.incrementAndGet();
                    send(w, d);
                }
            }
        }
    }

    private void send(Webhook w, DueDelivery d) {
        Instant at = clock.instant();
        WebhookRequest request;
        try {
            request = requests.build(w, d.event(), at);
        } catch (RuntimeException e) {
            WebhookRequest none = new WebhookRequest(java.net.URI.create(w.url()), Map.of(), new byte[0]);
            finished.add(new Attempt(ids.next("att"), d, none,
                    SendResult.noResponse(0, "the request could not be built: " + e.getMessage()), at, true));
            return;
        }
        http.sendAsync(request).thenAccept(result -> {
            if (!result.success()) {
                log.warn("Delivery failed: webhook={} event={} delivery={} attempt={} reason={}",
                        w.id(), d.event().id(), d.id(), d.attempt(), result.error());
            }
            metrics.attempted(w.id(), d.event(), result, at);
            finished.add(new Attempt(ids.next("att"), d, request, result, at, true));
        });
    }

    private void writeLoop() {
        while (writing || !finished.isEmpty()) {
            Attempt first;
            try {
                first = finished.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Attempt> batch = new ArrayList<>(BATCH);
            batch.add(first);
            finished.drainTo(batch, BATCH - 1);
            try {
                writer.write(batch);
            } catch (RuntimeException e) {
                // The deliveries stay pending in the database and will be attempted again: at least once.
                log.error("Could not record {} delivery attempt(s); they will be retried", batch.size(), e);
            }
            for (Attempt a : batch) {
                inFlight.remove(a.delivery().id());
                inFlightByWebhook.get(a.delivery().webhookId()).decrementAndGet();
                inFlightTotal.decrementAndGet();
            }
            wake();
        }
    }

    /** Stops taking new work, waits up to the drain timeout for requests in flight, then stops. */
    @Override
    public void close() {
        dispatching = false;
        wake();
        join(dispatchThread, 5_000);
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while (inFlightTotal.get() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        if (inFlightTotal.get() > 0) {
            log.warn("Stopping with {} request(s) still in flight; they will be sent again after restart",
                    inFlightTotal.get());
        }
        writing = false;
        join(writeThread, 5_000);
    }

    private static void join(Thread t, long ms) {
        if (t == null) {
            return;
        }
        try {
            t.join(ms);
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
