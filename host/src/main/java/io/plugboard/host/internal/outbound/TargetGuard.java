package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.outbound.AddressKind;
import io.plugboard.host.internal.outbound.Cidr;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Keeps webhooks from being aimed at the network the host runs in (SSRF): a target whose host
 * resolves to a loopback, private, link-local (cloud metadata), shared, multicast or unspecified
 * address is refused unless private targets are allowed or the host or address is on the allow list.
 * Checked when a webhook is saved, and for every request on the addresses the host name resolves to
 * right before connecting (so DNS rebinding cannot slip a private address in).
 */
public final class TargetGuard {

    /** Hosts written as one number, in hex, or as dotted parts with leading zeros (octal in some parsers). */
    private static final Pattern OBFUSCATED_IP = Pattern.compile(
            "(?i)^((0x[0-9a-f]+|[0-9]+)\\.){0,3}(0x[0-9a-f]+|[0-9]+)$");

    private final boolean allowPrivate;
    private final List<String> allowedHosts;
    private final List<Cidr> allowedRanges;
    /** Targets of this host itself that are always allowed: the request inspector's open inboxes. */
    private final Predicate<URI> ownEndpoints;

    public TargetGuard(boolean allowPrivate, List<String> allowList) {
        this(allowPrivate, allowList, url -> false);
    }

    /**
     * @param ownEndpoints URLs of this host that are allowed although they are loopback; they are
     *     delivered in-process, never connected to (see {@code LocalEndpoint})
     */
    public TargetGuard(boolean allowPrivate, List<String> allowList, Predicate<URI> ownEndpoints) {
        this.allowPrivate = allowPrivate;
        this.ownEndpoints = ownEndpoints;
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
     * @return why requests to this URL are refused, or empty if they are allowed; looks the host up. A
     *     host that does not resolve is allowed here (the request itself will fail and say so).
     */
    public Optional<String> refusal(URI url) {
        if (ownEndpoints.test(url)) {
            return Optional.empty();
        }
        Optional<String> byName = nameRefusal(url.getHost());
        if (byName.isPresent() || url.getHost() == null || trusts(url.getHost())) {
            return byName;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare(url.getHost()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(url.getHost(), address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /**
     * @return why this host name is refused without looking it up (missing, or an IP address written
     *     in an obfuscated form), or empty
     */
    public Optional<String> nameRefusal(String host) {
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        String bare = bare(host);
        if (!trusts(host) && !bare.contains(":") && OBFUSCATED_IP.matcher(bare).matches() && !isPlainDottedQuad(bare)) {
            return Optional.of("the host '" + host + "' looks like an IP address in an unusual form; "
                    + "write it as a DNS name or a dotted address such as 203.0.113.7");
        }
        return Optional.empty();
    }

    /**
     * @return why connecting to this address, which {@code host} resolved to, is refused, or empty if
     *     it is allowed. The check made on the address actually connected to.
     */
    public Optional<String> refusal(String host, InetAddress address) {
        if (trusts(host)) {
            return Optional.empty();
        }
        String kind = AddressKind.of(address);
        if (kind == null || allowedRanges.stream().anyMatch(r -> r.contains(address))) {
            return Optional.empty();
        }
        String bare = bare(host);
        return Optional.of("'" + host + "' resolves to " + address.getHostAddress() + ", " + article(kind)
                + " " + kind + " address; webhooks may only target public addresses unless the host "
                + "allows this target (allowTarget(\"" + bare + "\"), configuration key allow-targets)");
    }

    /** Private targets allowed, or the host named on the allow list: every address is fine. */
    private boolean trusts(String host) {
        return allowPrivate || allowedHosts.contains(bare(host).toLowerCase(Locale.ROOT));
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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
}
