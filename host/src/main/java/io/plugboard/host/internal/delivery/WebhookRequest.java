package io.plugboard.host.internal.delivery;

import java.net.URI;
import java.util.Map;

/** One outgoing HTTP POST: where, which headers, and the exact body bytes (the bytes a signature covers). */
public record WebhookRequest(URI url, Map<String, String> headers, byte[] body) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
    }
}
