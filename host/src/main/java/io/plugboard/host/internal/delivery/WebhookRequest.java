package io.plugboard.host.internal.delivery;

import java.net.URI;
import java.util.Map;

/**
 * One outgoing HTTP POST: where, which headers, and the exact body bytes (the bytes a signature covers).
 *
 * @param shownHeaders the headers as they may be stored and shown: token and secret values masked
 */
public record WebhookRequest(URI url, Map<String, String> headers, byte[] body, Map<String, String> shownHeaders) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
        shownHeaders = Map.copyOf(shownHeaders);
    }

    public WebhookRequest(URI url, Map<String, String> headers, byte[] body) {
        this(url, headers, body, RequestFactory.masked(headers));
    }
}
