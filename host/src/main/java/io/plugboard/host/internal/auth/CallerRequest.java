package io.plugboard.host.internal.auth;

import java.util.List;
import java.util.Optional;

/** A request as the embedding application's login sees it: no web framework's types. */
public interface CallerRequest {

    /** @return the HTTP method as sent (never one overridden by a header) */
    String method();

    /** @return the request path, e.g. {@code /admin/webhooks} */
    String path();

    /** @return every value of a header (any case of its name), in order; empty when absent */
    List<String> headers(String name);

    /** @return the value of a cookie */
    Optional<String> cookie(String name);

    /** @return the address of the connection's peer: the proxy's when there is one */
    String remoteAddress();

    /** @return the client's address: from {@code X-Forwarded-For} when the host is behind a proxy */
    String clientAddress();
}
