package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.outbound.EndpointAccess;
import java.net.URI;
import java.util.Map;

/**
 * One outgoing message: where, which headers, and the exact body bytes (the bytes a signature covers).
 * For an HTTP webhook a POST to {@code url}; for a plugin's destination the same body and headers become
 * its message ({@code url} is null then).
 *
 * @param target where it goes, as the admin reads it: the URL, or the destination and what it says of its settings
 * @param shownHeaders the headers as they may be stored and shown: token and secret values masked
 * @param access the endpoint's mutual TLS and OAuth client, applied by {@link HttpSender} when it sends
 * @param app the id of the webhook's application, whose secrets alone the sender may read (the OAuth client secret)
 */
public record WebhookRequest(URI url, String target, Map<String, String> headers, byte[] body,
                             Map<String, String> shownHeaders, EndpointAccess access, String app) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
        shownHeaders = Map.copyOf(shownHeaders);
        access = access == null ? EndpointAccess.NONE : access;
        app = app == null ? DefaultApp.ID : app;
    }

    /** A request for a webhook of the default application. */
    public WebhookRequest(URI url, String target, Map<String, String> headers, byte[] body,
                          Map<String, String> shownHeaders, EndpointAccess access) {
        this(url, target, headers, body, shownHeaders, access, DefaultApp.ID);
    }

    /** A request to an endpoint without mutual TLS or OAuth. */
    public WebhookRequest(URI url, String target, Map<String, String> headers, byte[] body, Map<String, String> shownHeaders) {
        this(url, target, headers, body, shownHeaders, EndpointAccess.NONE);
    }

    /** An HTTP request. */
    public WebhookRequest(URI url, Map<String, String> headers, byte[] body) {
        this(url, headers, body, EndpointAccess.NONE);
    }

    /** An HTTP request to an endpoint reached with {@code access}. */
    public WebhookRequest(URI url, Map<String, String> headers, byte[] body, EndpointAccess access) {
        this(url, url.toString(), headers, body, RequestFactory.masked(headers), access);
    }

    /** @return the same request with one more header (the OAuth bearer token when it is sent) */
    WebhookRequest withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new WebhookRequest(url, target, more, body, shownHeaders, access, app);
    }

    /** @return the stand-in for a request that could not be built: nothing is sent, the attempt records why */
    static WebhookRequest unbuilt(String target) {
        return new WebhookRequest(null, target, Map.of(), new byte[0], Map.of());
    }
}
