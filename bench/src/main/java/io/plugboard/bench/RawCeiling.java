package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The ceiling: Jetty's HTTP client set up as the host's webhook sender sets it up (JettyClients:
 * HTTP/1.1, the same thread pool, timeouts, connection pool and queue sizes, no redirects, cookies,
 * decoders or authentication handlers) POSTing the same envelope, with the same headers, to the same
 * receiver with the same number of requests in flight, and no persistence, signing or retries at all.
 */
final class RawCeiling {

    /** The host's sender's thread pool size (JettyClients.MAX_THREADS). */
    private static final int MAX_THREADS = 32;

    private RawCeiling() {}

    /**
     * @return successful (2xx) requests per second; a request that failed (the JDK's test server
     *     sometimes closes a kept-alive connection) counts as not done
     */
    static double run(String url, byte[] body, int requests, int concurrency) throws Exception {
        return run(url, body, requests, concurrency, Map.of());
    }

    /**
     * The same with the client's own headers (e.g. {@code Authorization}) instead of the webhook
     * headers; an empty map sends the webhook headers.
     */
    static double run(String url, byte[] body, int requests, int concurrency, Map<String, String> headers)
            throws Exception {
        return run(url, body, requests, concurrency, i -> headers);
    }

    /**
     * The same with headers of each request's own (e.g. a sender's delivery id, which the host
     * de-duplicates on), made by {@code headersFor} from the request's index before it is sent.
     */
    static double run(String url, byte[] body, int requests, int concurrency,
                      IntFunction<Map<String, String>> headersFor) throws Exception {
        HttpClient client = start(DeliverySettings.defaults());
        try {
            return send(client, url, body, requests, concurrency, headersFor);
        } finally {
            client.stop();
        }
    }

    private static double send(HttpClient client, String url, byte[] body, int requests, int concurrency,
                               IntFunction<Map<String, String>> headersFor) throws InterruptedException {
        long timeout = DeliverySettings.defaults().requestTimeout().toMillis();
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch finished = new CountDownLatch(requests);
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            slots.acquire();
            String eventId = String.format("evt_01JD3ZQ8K5TB000000000%04d", i % 10_000);
            Map<String, String> headers = headersFor.apply(i);
            client.newRequest(url).method(HttpMethod.POST).version(HttpVersion.HTTP_1_1).followRedirects(false)
                    .timeout(timeout, TimeUnit.MILLISECONDS)
                    // The headers the host sends, with fixed values: signing is Plugboard's cost, not HTTP's.
                    .headers(h -> {
                        if (headers.isEmpty()) {
                            h.put("User-Agent", "Plugboard/0.1.0-SNAPSHOT")
                                    .put("webhook-id", eventId)
                                    .put("webhook-timestamp", "1795860000")
                                    .put("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=");
                        } else {
                            headers.forEach(h::put);
                        }
                    })
                    .body(new BytesRequestContent("application/json", body))
                    .send(result -> {
                        if (result.isSucceeded() && result.getResponse().getStatus() / 100 == 2) {
                            ok.incrementAndGet();
                        }
                        slots.release();
                        finished.countDown();
                    });
        }
        finished.await();
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** A client configured as io.plugboard.host.internal.delivery.JettyClients configures the host's. */
    static HttpClient start(DeliverySettings settings) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("bench-raw-http");
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("bench-raw-http-timer", true));
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        client.setIdleTimeout(Math.max(settings.requestTimeout().toMillis(), Duration.ofSeconds(30).toMillis()));
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null);
        client.setMaxConnectionsPerDestination(settings.maxInFlightTotal());
        client.setMaxRequestsQueuedPerDestination(2 * settings.maxInFlightTotal());
        client.start();
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return client;
    }
}
