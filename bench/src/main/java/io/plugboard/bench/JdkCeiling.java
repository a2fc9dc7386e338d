package io.plugboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The JDK's HTTP client (HTTP/1.1, no redirects) POSTing the same payload to the same receiver with the
 * same number of requests in flight, and no persistence at all: the raw ceiling of runs 1 to 5, when
 * Plugboard sent with this client (until run 3). Printed for comparison only; {@link RawCeiling} is
 * the baseline now.
 */
final class JdkCeiling {

    private JdkCeiling() {}

    /**
     * @return successful requests per second; a request the receiver dropped (the JDK's test server
     *     sometimes closes a kept-alive connection) counts as not done
     */
    static double run(String url, byte[] body, int requests, int concurrency) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        Semaphore slots = new Semaphore(concurrency);
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] all = new CompletableFuture[requests];
        for (int i = 0; i < requests; i++) {
            slots.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").header("webhook-id", "raw_" + i)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        slots.release();
                        return e == null && r.statusCode() == 200 ? 1 : 0;
                    });
        }
        CompletableFuture.allOf(all).join();
        int ok = 0;
        for (CompletableFuture<Integer> f : all) {
            ok += f.join();
        }
        return ok / ((System.nanoTime() - start) / 1e9);
    }
}
