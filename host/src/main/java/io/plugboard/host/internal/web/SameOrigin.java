package io.plugboard.host.internal.web;

import io.plugboard.host.internal.config.HostPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Whether a browser's {@code Origin} is this site: the same scheme, host and port (RFC 6454), the
 * port defaulting by scheme on both sides. {@code https://127.0.0.1:8080} is another origin than
 * {@code http://127.0.0.1:8080}, and {@code null} (a sandboxed or opaque origin) is never this site.
 */
final class SameOrigin {

    private SameOrigin() {}

    /**
     * @param origin the {@code Origin} header
     * @param scheme this request's scheme, as the client used it ({@code X-Forwarded-Proto} behind a trusted proxy)
     * @param host this request's host and port, as the client addressed it
     */
    static boolean matches(String origin, String scheme, String host) {
        Optional<HostPort> site = HostPort.parse(host);
        if (scheme == null || site.isEmpty()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || !uri.getScheme().equalsIgnoreCase(scheme)
                || uri.getRawUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            return false;
        }
        Optional<HostPort> from = HostPort.parse(uri.getRawAuthority());
        return from.isPresent() && from.get().withDefaultPort(scheme).equals(site.get().withDefaultPort(scheme));
    }
}
