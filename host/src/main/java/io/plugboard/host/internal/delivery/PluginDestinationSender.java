package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.Threads;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.AvailableDestination;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.OutgoingMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands a built request to a plugin's {@link io.plugboard.sdk.outbound.Destination}: on a thread of its
 * own (the destination may block; the threads are bounded, see the constructor),
 * with the plugin's class loader as context, and waited for at most the request timeout — then the attempt
 * is a retry and the call is left to finish on its own. What the destination answers becomes a
 * {@link SendResult}: delivered → success with its answer as the response body; retry (with its delay),
 * give up, gone; anything thrown → a retry naming it. The future never fails.
 */
final class PluginDestinationSender implements AutoCloseable {

    private final ExecutorService threads;
    private final Duration limit;
    private final int maxThreads;

    /**
     * @param limit how long a send is waited for
     * @param maxThreads how many sends may run at once; more than the in-flight slots only when sends the
     *     host stopped waiting for still run (a destination that does not return): then new sends are
     *     refused as failed attempts instead of piling up threads
     */
    PluginDestinationSender(Duration limit, int maxThreads) {
        this.limit = limit;
        this.maxThreads = maxThreads;
        this.threads = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Threads.daemon("plugboard-destination"));
    }

    CompletableFuture<SendResult> send(AvailableDestination destination, Webhook webhook, WebhookRequest request,
                                       StoredEvent event, int attempt) {
        OutgoingMessage message = message(destination, webhook, request, event, attempt);
        long start = System.nanoTime();
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        try {
            threads.execute(() -> result.complete(call(destination, message, start)));
        } catch (RejectedExecutionException e) {
            result.complete(failed(start, threads.isShutdown() ? "not sent: the host is shutting down"
                    : "not sent: " + maxThreads + " sends to plugin destinations are still running (a destination "
                    + "does not return within " + limit.toSeconds() + " s)"));
        }
        return result.completeOnTimeout(failed(start, "the destination did not answer within " + limit.toSeconds() + " s"),
                limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static SendResult call(AvailableDestination destination, OutgoingMessage message, long start) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(destination.destination().getClass().getClassLoader());
        try {
            DeliveryOutcome outcome = destination.destination().send(message);
            return outcome == null ? failed(start, "the destination " + destination.id() + " answered nothing")
                    : result(outcome, elapsedMs(start));
        } catch (Exception | LinkageError | StackOverflowError e) {
            String text = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
            return failed(start, "the destination " + destination.id() + " failed: " + e.getClass().getSimpleName() + text);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static SendResult result(DeliveryOutcome outcome, long ms) {
        return switch (outcome.kind()) {
            case DELIVERED -> new SendResult(true, null, Map.of(), outcome.detail(), ms, null, null);
            case RETRY -> new SendResult(false, null, Map.of(), null, ms, outcome.detail(),
                    outcome.retryAfter().orElse(null));
            case GIVE_UP -> new SendResult(false, null, Map.of(), null, ms, outcome.detail(), null, SendResult.Ending.GIVE_UP);
            case GONE -> new SendResult(false, null, Map.of(), null, ms, outcome.detail(), null, SendResult.Ending.GONE);
        };
    }

    private static OutgoingMessage message(AvailableDestination destination, Webhook webhook, WebhookRequest request,
                                           StoredEvent event, int attempt) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        String contentType = headers.remove("Content-Type");
        headers.remove("User-Agent");
        return new OutgoingMessage(webhook.id(), event.id(), event.type(), event.createdAt(), attempt,
                contentType == null ? "application/json" : contentType, request.body(), headers,
                destination.declared().withDefaults(webhook.settings().destination().settings()));
    }

    private static SendResult failed(long start, String reason) {
        return SendResult.noResponse(elapsedMs(start), reason);
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
