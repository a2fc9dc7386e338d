package io.plugboard.host.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host name or IP address with an optional port, as written in a {@code Host} header, an
 * {@code Origin} or an allowed-hosts entry. Names are compared in lower case without a final dot;
 * IPv6 addresses in their canonical form, so {@code [::1]} and {@code [0:0:0:0:0:0:0:1]} are one.
 *
 * @param host the name or address, IPv6 without brackets
 * @param port the port, or -1 when none was written
 */
public record HostPort(String host, int port) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    /** @return the parsed value, or empty when it is not a name or address with an optional port 1–65535 */
    public static Optional<HostPort> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        String host;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0 || (close + 1 < t.length() && t.charAt(close + 1) != ':')) {
                return Optional.empty();
            }
            host = t.substring(1, close);
            port = close + 1 < t.length() ? t.substring(close + 2) : null;
        } else if (t.indexOf(':') != t.lastIndexOf(':')) {
            host = t; // a bare IPv6 address (allowed-hosts entries may leave out the brackets)
        } else {
            int colon = t.indexOf(':');
            host = colon < 0 ? t : t.substring(0, colon);
            port = colon < 0 ? null : t.substring(colon + 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        Optional<String> canonical = host.contains(":") ? ipv6(host)
                : NAME.matcher(host).matches() ? Optional.of(host) : Optional.empty();
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        if (port == null) {
            return Optional.of(new HostPort(canonical.get(), -1));
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            return Optional.empty();
        }
        return Optional.of(new HostPort(canonical.get(), Integer.parseInt(port)));
    }

    /** Only for text that is an IPv6 literal: InetAddress then parses it and never asks DNS. */
    private static Optional<String> ipv6(String host) {
        if (!IPV6.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName("[" + host + "]").getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** @return whether this allowed entry admits that requested host: same name, and same port if this has one */
    public boolean admits(HostPort requested) {
        return host.equals(requested.host) && (port < 0 || port == requested.port);
    }

    /** @return this with the scheme's default port when none was written */
    public HostPort withDefaultPort(String scheme) {
        return port >= 0 ? this : new HostPort(host, "https".equalsIgnoreCase(scheme) ? 443 : 80);
    }
}
