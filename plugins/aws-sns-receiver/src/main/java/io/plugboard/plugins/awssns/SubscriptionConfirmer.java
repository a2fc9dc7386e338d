package io.plugboard.plugins.awssns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Confirms an SNS subscription by visiting its SubscribeURL (a GET, as a person's browser would), when
 * {@code auto_confirm} is on and the URL passed the allowed-hosts check. Bounded by {@link #TIMEOUT}.
 */
final class SubscriptionConfirmer {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @return null when SNS answered 2xx, else what went wrong (for the inbound webhook's errors) */
    String confirm(String subscribeUrl) {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(subscribeUrl)).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "SNS answered HTTP " + status;
        } catch (IOException e) {
            return "the SubscribeURL could not be reached (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
