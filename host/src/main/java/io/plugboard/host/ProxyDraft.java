package io.plugboard.host;

import io.plugboard.host.internal.delivery.OutboundProxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link PlugboardBuilder} was told of the outbound proxy: its URL (credentials in it or given apart)
 * and the no-proxy list, checked as given and turned into the host's {@link OutboundProxy}.
 */
final class ProxyDraft {

    private String host;
    private int port;
    private String user;
    private String password;
    private final List<String> noProxy = new ArrayList<>();

    /** @throws IllegalArgumentException naming what to give instead; the message never repeats a password */
    void url(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url").strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the outbound proxy must be a URL such as http://proxy.internal:3128");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("the outbound proxy must be http://host:port (e.g. http://proxy.internal:3128),"
                    + " with the port");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("the outbound proxy URL must be only http://host:port, without a path or query");
        }
        host = uri.getHost();
        port = uri.getPort();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            credentials(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
    }

    void credentials(String user, String password) {
        if (user == null || user.isEmpty() || user.contains(":") || password == null
                || (user + password).chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the outbound proxy's user must be non-empty without ':' and the password"
                    + " given, neither with control characters");
        }
        this.user = user;
        this.password = password;
    }

    void noProxy(String hostOrDomain) {
        String entry = Objects.requireNonNull(hostOrDomain, "hostOrDomain").strip().toLowerCase(Locale.ROOT);
        if (entry.isEmpty() || entry.contains("/") || entry.contains(" ")) {
            throw new IllegalArgumentException("a no-proxy entry is a host name, a domain (.example.com), an address or *,"
                    + " not '" + hostOrDomain + "'");
        }
        noProxy.add(entry);
    }

    /** @return the proxy, or null when no URL was given (credentials or a no-proxy list alone are refused) */
    OutboundProxy toProxy() {
        if (host == null) {
            if (user != null || !noProxy.isEmpty()) {
                throw new IllegalStateException("outboundProxyCredentials(…) and noProxy(…) need an outboundProxy(url)");
            }
            return null;
        }
        return new OutboundProxy(host, port, user, password, noProxy);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
