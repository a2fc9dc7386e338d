package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.Threads;
import io.plugboard.host.internal.webhooks.TargetGuard;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Sends webhook requests, asynchronously: a slow endpoint holds no thread. Redirects are never
 * followed (a 3xx is a failure), only the first {@code maxBodyBytes} of a response are read, and every
 * failure becomes a {@link SendResult} with the reason in words: the returned future never fails.
 */
public final class HttpSender implements AutoCloseable {

    private final ExecutorService executor;
    private final HttpClient client;
    private final TargetGuard guard;
    private final Duration requestTimeout;
    private final int maxBodyBytes;

    /** @param guard checked right before every request, as DNS may have changed since the webhook was saved */
    public HttpSender(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes, TargetGuard guard) {
        this.guard = guard;
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                Threads.daemon("plugboard-http"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    public CompletableFuture<SendResult> sendAsync(WebhookRequest request) {
        var refused = guard.refusal(request.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(SendResult.noResponse(0, "not sent: " + refused.get()));
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(request.url())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        long start = System.nanoTime();
        try {
            return client.sendAsync(http.build(), CappedBody.handler(maxBodyBytes, requestTimeout))
                    .handle((response, error) -> error == null
                            ? result(response, elapsedMs(start))
                            : SendResult.noResponse(elapsedMs(start), describe(unwrap(error), request.url().getHost())));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(SendResult.noResponse(elapsedMs(start), describe(e, request.url().getHost())));
        }
    }

    /** Sends and waits; for the synchronous "Send test event". */
    public SendResult send(WebhookRequest request) {
        return sendAsync(request).join();
    }

    private static SendResult result(HttpResponse<String> response, long ms) {
        int status = response.statusCode();
        Map<String, String> headers = firstValues(response.headers());
        boolean ok = status >= 200 && status < 300;
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(headers.get("retry-after")).orElse(null) : null;
        return new SendResult(ok, status, headers, response.body(), ms, ok ? null : describeStatus(status, headers),
                retryAfter);
    }

    private static Map<String, String> firstValues(HttpHeaders headers) {
        Map<String, String> out = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!values.isEmpty() && !name.startsWith(":")) {
                out.put(name.toLowerCase(), values.get(0));
            }
        });
        return out;
    }

    private static String describeStatus(int status, Map<String, String> headers) {
        if (status >= 300 && status < 400) {
            return "HTTP " + status + ": redirect to " + headers.getOrDefault("location", "(no Location header)")
                    + " not followed; use the final URL";
        }
        return "HTTP " + status;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private String describe(Throwable e, String host) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + requestTimeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            // The JDK reports an unresolvable host as a ConnectException caused by UnresolvedAddressException.
            return e.getCause() instanceof UnresolvedAddressException
                    ? "unknown host " + host + ": it does not resolve" : "connection refused" + suffix(e);
        }
        if (e instanceof UnknownHostException) {
            return "unknown host" + suffix(e);
        }
        if (e instanceof SSLException) {
            return "TLS error" + suffix(e);
        }
        if (e.getMessage() == null && e.getCause() != null) {
            return describe(e.getCause(), host);
        }
        return e.getClass().getSimpleName() + suffix(e);
    }

    private static String suffix(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
