package io.plugboard.host.internal.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Sends webhook requests. Redirects are never followed (a 3xx is a failure), only the first
 * {@code maxBodyBytes} of a response are read, and every failure becomes a {@link SendResult} with
 * the reason in words: nothing here throws.
 */
public final class HttpSender implements AutoCloseable {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBodyBytes;

    public HttpSender(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes) {
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "plugboard-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    public SendResult send(WebhookRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.url())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body = readCapped(response.body());
            long ms = elapsedMs(start);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new SendResult(true, status, body, ms, null);
            }
            return new SendResult(false, status, body, ms, describeStatus(status, response));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(false, null, null, elapsedMs(start), "interrupted while sending");
        } catch (IOException | RuntimeException e) {
            return new SendResult(false, null, null, elapsedMs(start), describe(e));
        }
    }

    private String readCapped(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(maxBodyBytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String describeStatus(int status, HttpResponse<?> response) {
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("(no Location header)");
            return "HTTP " + status + ": redirect to " + location + " not followed; use the final URL";
        }
        return "HTTP " + status;
    }

    private String describe(Exception e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + requestTimeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused" + suffix(e);
        }
        if (e instanceof UnknownHostException) {
            return "unknown host" + suffix(e);
        }
        if (e instanceof SSLException) {
            return "TLS error" + suffix(e);
        }
        Throwable cause = e.getCause();
        if (e.getMessage() == null && cause instanceof Exception c) {
            return describe(c);
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
