package io.plugboard.host.testing;

import com.sun.net.httpserver.HttpServer;
import io.plugboard.sdk.WebhookVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A real HTTP endpoint on 127.0.0.1 and a random port that records every request it receives. */
public final class Receiver implements AutoCloseable {

    /** One received request; header names are lower case. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return true if the Standard Webhooks signature was made with {@code secret} (the SDK's verifier) */
        public boolean signedWith(String secret) {
            return WebhookVerifier.forSecret(secret).matches(header("webhook-id"), header("webhook-timestamp"),
                    header("webhook-signature"), body);
        }
    }

    /** What to answer one request with; {@code delayMs} holds the answer back first. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMs) {

        public static Reply of(int status) {
            return new Reply(status, "", Map.of(), 0);
        }
    }

    private final HttpServer server;
    private volatile Function<Request, Reply> script;
    private final LinkedBlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final List<Request> all = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String responseBody = "{\"ok\":true}";
    private volatile Map<String, String> responseHeaders = Map.of();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", exchange -> {
            var headers = new java.util.TreeMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                    exchange.getRequestBody().readAllBytes());
            all.add(r);
            received.add(r);
            Reply reply = script != null ? script.apply(r) : new Reply(status, responseBody, responseHeaders, 0);
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public Receiver respond(int status, String body) {
        this.status = status;
        this.responseBody = body;
        return this;
    }

    /** Answers each request as the function says, e.g. fail twice and then succeed. */
    public Receiver script(Function<Request, Reply> script) {
        this.script = script;
        return this;
    }

    /** Waits until {@code n} requests have arrived in all, or fails the test after {@code timeout}. */
    public List<Request> awaitCount(int n, Duration timeout) throws InterruptedException {
        Await.value("the receiver got " + n + " requests", timeout, all::size, size -> size >= n);
        return all();
    }

    public Receiver respondHeaders(Map<String, String> headers) {
        this.responseHeaders = Map.copyOf(headers);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** @return the next request, waiting at most {@code timeout}; fails the test if none comes */
    public Request next(Duration timeout) throws InterruptedException {
        Request r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("the receiver got no request within " + timeout);
        }
        return r;
    }

    public List<Request> all() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
