package io.plugboard.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on 127.0.0.1 and a random port that records every request and answers
 * {@code 200 {"ok":true}} (or the status set with {@link #respondWith}). Waits are bounded: a wait
 * that runs out fails the test with what did arrive.
 */
public final class CaptureEndpoint implements AutoCloseable {

    private final HttpServer server;
    /** Daemon threads: a harness that a test forgets to close must not keep the JVM alive. */
    private final ExecutorService executor = Executors.newFixedThreadPool(8, task -> {
        Thread thread = new Thread(task, "plugboard-testkit-capture");
        thread.setDaemon(true);
        return thread;
    });
    private final List<CapturedRequest> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    /** Starts listening on 127.0.0.1 and a free port. */
    public CaptureEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the capture endpoint", e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            received.add(new CapturedRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    headers, exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** @return the URL to subscribe, {@code http://127.0.0.1:<port>/webhook} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /**
     * @param status the HTTP status to answer from now on, e.g. 500 to make the host retry
     * @return this endpoint
     */
    public CaptureEndpoint respondWith(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be between 200 and 599, not " + status);
        }
        this.status = status;
        return this;
    }

    /** @return every request received so far, oldest first */
    public List<CapturedRequest> received() {
        return List.copyOf(received);
    }

    /** Forgets what was received so far. */
    public void clear() {
        received.clear();
    }

    /**
     * @param eventId the event id {@code emit} returned
     * @param timeout how long to wait at most
     * @return the first delivery of that event
     * @throws AssertionError if none arrives in time
     */
    public CapturedRequest awaitEvent(String eventId, Duration timeout) {
        return await(r -> eventId.equals(r.eventId()), "a delivery of event " + eventId, timeout);
    }

    /**
     * @param count how many requests to wait for in all
     * @param timeout how long to wait at most
     * @return every request received, at least {@code count}
     * @throws AssertionError if fewer arrive in time
     */
    public List<CapturedRequest> awaitCount(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            pause(deadline, count + " requests", timeout);
        }
        return received();
    }

    /**
     * @param match what the request must satisfy
     * @param what a description for the failure message
     * @param timeout how long to wait at most
     * @return the first received request that matches
     * @throws AssertionError if none arrives in time
     */
    public CapturedRequest await(Predicate<CapturedRequest> match, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (CapturedRequest r : received) {
                if (match.test(r)) {
                    return r;
                }
            }
            pause(deadline, what, timeout);
        }
    }

    private void pause(long deadline, String what, Duration timeout) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("the capture endpoint did not receive " + what + " within " + timeout
                    + "; it received " + received.size() + " request(s): "
                    + received.stream().map(CapturedRequest::bodyText).toList());
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /** Stops listening. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
