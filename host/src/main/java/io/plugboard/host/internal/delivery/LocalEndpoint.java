package io.plugboard.host.internal.delivery;

import java.util.Optional;

/**
 * An endpoint served by this host itself (the request inspector's inboxes), which a request reaches
 * in-process: nothing connects to a loopback address, so the outbound guard needs no exception at
 * connect time.
 */
@FunctionalInterface
public interface LocalEndpoint {

    /** @return the result when the request's URL is such an endpoint (it has then been delivered), else empty */
    Optional<SendResult> deliver(WebhookRequest request);
}
