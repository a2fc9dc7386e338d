package io.plugboard.host.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP forward proxy on 127.0.0.1 and a random port, for plain HTTP targets: it takes requests in
 * absolute form ({@code POST http://host:port/path HTTP/1.1}), records each, and forwards it to the target
 * with its headers and body (without the hop-by-hop ones), answering with the target's status and body.
 */
public final class ForwardProxy implements AutoCloseable {

    /** One proxied request: the absolute URI asked for and the {@code Proxy-Authorization} sent, or null. */
    public record Proxied(String method, String uri, String proxyAuthorization) {}

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "proxy-authorization", "proxy-connection", "keep-alive", "te", "trailer", "transfer-encoding");

    private final HttpServer server;
    private final HttpClient forward = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Proxied> proxied = new CopyOnWriteArrayList<>();

    public ForwardProxy() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            URI target = exchange.getRequestURI();
            proxied.add(new Proxied(exchange.getRequestMethod(), target.toString(),
                    exchange.getRequestHeaders().getFirst("Proxy-Authorization")));
            byte[] answer;
            int status;
            if (target.getHost() == null) {
                status = 400;
                answer = "a forward proxy needs an absolute URI".getBytes();
            } else {
                HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                        .method(exchange.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(v -> out.header(name, v));
                    }
                });
                try {
                    HttpResponse<byte[]> response = forward.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    answer = response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = 502;
                    answer = new byte[0];
                } catch (IOException e) {
                    status = 502;
                    answer = ("the proxy could not reach the target: " + e).getBytes();
                }
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Proxied> proxied() {
        return List.copyOf(proxied);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
