package io.plugboard.host.internal.delivery;

import java.net.URI;
import java.util.Map;

/**
 * One outgoing message: where, which headers, and the exact body bytes (the bytes a signature covers).
 * For an HTTP webhook a POST to {@code url}; for a plugin's destination the same body and headers become
 * its message ({@code url} is null then).
 *
 * @param target where it goes, as the admin reads it: the URL, or the destination and what it says of its settings
 * @param shownHeaders the headers as they may be stored and shown: token and secret values masked
 */
public record WebhookRequest(URI url, String target, Map<String, String> headers, byte[] body,
                             Map<String, String> shownHeaders) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
        shownHeaders = Map.copyOf(shownHeaders);
    }

    /** An HTTP request. */
    public WebhookRequest(URI url, Map<String, String> headers, byte[] body) {
        this(url, url.toString(), headers, body, RequestFactory.masked(headers));
    }

    /** @return the stand-in for a request that could not be built: nothing is sent, the attempt records why */
    static WebhookRequest unbuilt(String target) {
        return new WebhookRequest(null, target, Map.of(), new byte[0], Map.of());
    }
}
