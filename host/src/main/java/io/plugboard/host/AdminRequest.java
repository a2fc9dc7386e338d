package io.plugboard.host;

import java.util.List;
import java.util.Optional;

/**
 * A request to the admin or the API, as an {@link AdminAuthenticator} sees it: enough to find the
 * application's session or a trusted proxy's header, and no web framework's types.
 */
public interface AdminRequest {

    /** @return the HTTP method as the client sent it (a method-override header is not applied) */
    String method();

    /** @return the request path, e.g. {@code /admin/webhooks} or {@code /api/v1/webhooks} */
    String path();

    /**
     * @param name a header name, in any case
     * @return its first value
     */
    default Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /**
     * @param name a header name, in any case
     * @return every value of the header, in order; empty when absent
     */
    List<String> headers(String name);

    /**
     * @param name the cookie's name
     * @return its value
     */
    Optional<String> cookie(String name);

    /**
     * The address of the connection's other end: the reverse proxy's when there is one. Check it
     * before trusting a header a proxy sets (such as {@code X-Forwarded-User}): anyone who reaches
     * the host directly can send that header too.
     *
     * @return an IP address
     */
    String remoteAddress();

    /**
     * @return the client's IP address: with {@link PlugboardBuilder#behindProxy(boolean)} the first
     *     {@code X-Forwarded-For} address, otherwise {@link #remoteAddress()}
     */
    String clientAddress();
}
