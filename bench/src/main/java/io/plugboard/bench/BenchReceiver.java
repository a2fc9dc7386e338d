package io.plugboard.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local webhook endpoint for the benchmark: answers 200 after an optional delay, counts requests,
 * and remembers when each {@code webhook-id} first arrived (System.nanoTime).
 */
final class BenchReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicLong count = new AtomicLong();
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private volatile long delayMs;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    BenchReceiver(int threads) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                firstArrival.putIfAbsent(id, now);
            }
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            count.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        });
        server.start();
    }

    BenchReceiver delay(long ms) {
        this.delayMs = ms;
        return this;
    }

    /** Holds every request (unanswered, uncounted) until {@link #release}: a backlog builds up meanwhile. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long count() {
        return count.get();
    }

    Long arrival(String webhookId) {
        return firstArrival.get(webhookId);
    }

    void reset() {
        count.set(0);
        firstArrival.clear();
    }

    /** Waits until {@code n} requests were answered; returns the nanoTime when that happened. */
    long awaitCount(long n, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (count.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("receiver got " + count.get() + " of " + n + " in " + timeoutMs + " ms");
            }
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
