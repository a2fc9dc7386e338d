package io.plugboard.host.internal.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps webhooks from being aimed at the network the host runs in (SSRF): a target whose host
 * resolves to a loopback, private, link-local (cloud metadata), shared, multicast or unspecified
 * address is refused unless private targets are allowed or the host or address is on the allow list.
 * Checked when a webhook is saved and again right before every request.
 */
public final class TargetGuard {

    /** Hosts written as one number, in hex, or as dotted parts with leading zeros (octal in some parsers). */
    private static final Pattern OBFUSCATED_IP = Pattern.compile(
            "(?i)^((0x[0-9a-f]+|[0-9]+)\\.){0,3}(0x[0-9a-f]+|[0-9]+)$");

    private final boolean allowPrivate;
    private final List<String> allowedHosts;
    private final List<Cidr> allowedRanges;

    public TargetGuard(boolean allowPrivate, List<String> allowList) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowList.stream().filter(a -> !Cidr.looksLikeRange(a))
                .map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.allowedRanges = allowList.stream().filter(Cidr::looksLikeRange).map(Cidr::parse).toList();
    }

    /** @return true when the default protection is relaxed, for the admin to say so */
    public boolean relaxed() {
        return allowPrivate || !allowedHosts.isEmpty() || !allowedRanges.isEmpty();
    }

    /** @return the warning the log and the admin show when the guard is relaxed */
    public Optional<String> relaxedNotice() {
        return relaxed() ? Optional.of("Outbound guard relaxed: " + relaxation()) : Optional.empty();
    }

    private String relaxation() {
        if (allowPrivate) {
            return "private and loopback targets are allowed";
        }
        StringBuilder s = new StringBuilder("allowed besides public addresses: ");
        s.append(String.join(", ", allowedHosts));
        allowedRanges.forEach(r -> s.append(s.charAt(s.length() - 2) == ':' ? "" : ", ").append(r));
        return s.toString();
    }

    /**
     * @return why requests to this URL are refused, or empty if they are allowed. A host that does not
     *     resolve is allowed here (the request itself will fail and say so).
     */
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowPrivate || allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (!bare.contains(":") && OBFUSCATED_IP.matcher(bare).matches() && !isPlainDottedQuad(bare)) {
            return Optional.of("the host '" + host + "' looks like an IP address in an unusual form; "
                    + "write it as a DNS name or a dotted address such as 203.0.113.7");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            String kind = forbiddenKind(address);
            if (kind != null && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                return Optional.of("'" + host + "' resolves to " + address.getHostAddress() + ", " + article(kind)
                        + " " + kind + " address; webhooks may only target public addresses unless the host "
                        + "allows this target (allowTarget(\"" + bare + "\"), --allow-target " + bare + ")");
            }
        }
        return Optional.empty();
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static boolean isPlainDottedQuad(String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** @return what kind of non-public address this is, or null for a public one */
    static String forbiddenKind(InetAddress a) {
        if (a instanceof Inet6Address v6 && isIpv4Mapped(v6)) {
            byte[] b = v6.getAddress();
            try {
                return forbiddenKind(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException impossible) {
                return "malformed";
            }
        }
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local (cloud metadata)";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "shared (carrier-grade NAT)";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "special-purpose (IETF protocol assignments)";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first >= 240) {
                return "reserved";
            }
            return null;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        // Forms that carry an IPv4 address inside IPv6: NAT64 (64:ff9b::/96), 6to4 (2002::/16) and the
        // deprecated IPv4-compatible ::a.b.c.d. Judge the IPv4 address they carry.
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            return embedded(b, 12);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return embedded(b, 2);
        }
        if (zero(b, 0, 12) && !zero(b, 12, 16)) {
            return embedded(b, 12);
        }
        return null;
    }

    private static String embedded(byte[] b, int from) {
        try {
            String kind = forbiddenKind(InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
            return kind == null ? null : kind + " (inside an IPv6 address)";
        } catch (UnknownHostException impossible) {
            return "malformed";
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(Inet6Address a) {
        byte[] b = a.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
