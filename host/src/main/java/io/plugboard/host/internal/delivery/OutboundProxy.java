package io.plugboard.host.internal.delivery;

import java.util.List;
import java.util.Locale;

/**
 * The HTTP proxy every HTTP webhook request (and OAuth token request) goes through, except to the hosts of
 * the no-proxy list. The outbound guard still judges the target, never the proxy: the operator chose the
 * proxy, and it usually sits on a private address the guard would refuse.
 *
 * @param host the proxy's host name or address
 * @param port its port
 * @param user the user for {@code Proxy-Authorization: Basic}, or null
 * @param password the password, or null; never logged
 * @param noProxy hosts reached directly: a name matches itself and its subdomains ({@code example.com}, or
 *     {@code .example.com}), an address itself, {@code *} every host
 */
public record OutboundProxy(String host, int port, String user, String password, List<String> noProxy) {

    public OutboundProxy {
        noProxy = noProxy.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .map(h -> h.startsWith(".") ? h.substring(1) : h.startsWith("*.") ? h.substring(2) : h).toList();
    }

    /** @return whether a request to {@code targetHost} goes through the proxy */
    public boolean proxies(String targetHost) {
        String target = targetHost.toLowerCase(Locale.ROOT);
        if (target.startsWith("[") && target.endsWith("]")) {
            target = target.substring(1, target.length() - 1);
        }
        for (String entry : noProxy) {
            if (entry.equals("*") || target.equals(entry) || target.endsWith("." + entry)) {
                return false;
            }
        }
        return true;
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /** Leaves the password out, so logging the configuration cannot leak it. */
    @Override
    public String toString() {
        return "OutboundProxy[" + host + ":" + port + (user == null ? "" : ", user=" + user + ", password=****")
                + ", noProxy=" + noProxy + "]";
    }
}
