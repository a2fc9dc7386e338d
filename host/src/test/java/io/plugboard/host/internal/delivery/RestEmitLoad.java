package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Emits {@code ping} events through a host's REST API from several threads until stopped, and keeps a
 * {@link SentRequest} for every request with how it ended. Per thread, requests go round the kinds: a
 * plain single emit, a single emit with its own {@code Idempotency-Key}, batches of {@link #BATCH}
 * events, and a batch whose last event reuses an idempotency key taken by other data, which the host
 * refuses (409) inside the shared transaction of the group commit. Each event's data is
 * {@code {"n":"r<thread>-<request>-<index>"}}, so a stored event tells which request it came from.
 */
final class RestEmitLoad implements AutoCloseable {

    static final int BATCH = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final String takenKey;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<SentRequest> sent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledgedEvents = new AtomicInteger();
    private final ExecutorService threads;
    private volatile boolean stopped;

    /**
     * @param authorization the {@code Authorization} header to send
     * @param takenKey an idempotency key that already stands for an event whose data none of these has
     */
    RestEmitLoad(String base, String authorization, String takenKey, int threadCount) {
        this.base = base;
        this.authorization = authorization;
        this.takenKey = takenKey;
        this.threads = Executors.newFixedThreadPool(threadCount);
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            threads.execute(() -> emitUntilStopped(thread));
        }
    }

    /** @return how many events the host has acknowledged (202) so far */
    int acknowledgedEvents() {
        return acknowledgedEvents.get();
    }

    /** Sends no more requests; those under way still end (answered, or failed by the kill). */
    void stop() {
        stopped = true;
    }

    /** @return every request sent, once the threads have finished (after {@link #close}) */
    List<SentRequest> sent() {
        return List.copyOf(sent);
    }

    /** Stops and waits for the requests under way to end; call it once the host is killed. */
    @Override
    public void close() throws InterruptedException {
        stop();
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
            throw new AssertionError("requests to the killed host did not end within 30 s");
        }
    }

    private void emitUntilStopped(int thread) {
        for (int seq = 0; !stopped; seq++) {
            SentRequest.Kind kind = switch (seq % 8) {
                case 0 -> SentRequest.Kind.SINGLE;
                case 1 -> SentRequest.Kind.CONFLICTING_BATCH;
                case 3 -> SentRequest.Kind.KEYED_SINGLE;
                default -> SentRequest.Kind.BATCH;
            };
            String prefix = "r" + thread + "-" + seq;
            List<String> markers = new ArrayList<>();
            for (int i = 0; i < (kind.batch() ? BATCH : 1); i++) {
                markers.add(prefix + "-" + i);
            }
            SentRequest request = new SentRequest(kind, markers);
            sent.add(request);
            if (!send(request, prefix)) {
                return;
            }
        }
    }

    /** @return false if the thread was interrupted */
    private boolean send(SentRequest request, String prefix) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + (request.kind().batch()
                        ? "/api/v1/events/batch" : "/api/v1/events")))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request)));
        if (request.kind() == SentRequest.Kind.KEYED_SINGLE) {
            http.header("Idempotency-Key", "key-" + prefix);
        }
        try {
            HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                request.refused(response.statusCode(), response.body());
                return true;
            }
            JsonNode answer = JSON.readTree(response.body());
            List<String> ids = new ArrayList<>();
            if (request.kind().batch()) {
                answer.get("ids").forEach(id -> ids.add(id.asText()));
            } else {
                ids.add(answer.get("id").asText());
            }
            request.acknowledged(ids);
            acknowledgedEvents.addAndGet(ids.size());
        } catch (IOException e) {
            // No answer (the host was killed): the request stays in flight, its outcome unknown.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private String body(SentRequest request) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String marker : request.markers()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "ping");
            event.put("data", Map.of("n", marker));
            events.add(event);
        }
        if (request.kind() == SentRequest.Kind.CONFLICTING_BATCH) {
            events.get(events.size() - 1).put("idempotency_key", takenKey);
        }
        try {
            return JSON.writeValueAsString(request.kind().batch() ? Map.of("events", events) : events.get(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
