package io.plugboard.host.internal.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names the kind of a non-public address (loopback, private, link-local…); the {@link TargetGuard}'s judgement. */
final class AddressKind {

    private AddressKind() {
    }

    /** @return what kind of non-public address this is, or null for a public one */
    static String of(InetAddress a) {
        if (a instanceof Inet6Address v6 && isIpv4Mapped(v6)) {
            byte[] b = v6.getAddress();
            try {
                return of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
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
        // Forms that carry an IPv4 address inside IPv6: NAT64 (64:ff9b::/96), 6to4 (2002::/16), the
        // IPv4-translated ::ffff:0:a.b.c.d (SIIT) and the deprecated IPv4-compatible ::a.b.c.d. Judge the
        // IPv4 address they carry.
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            return embedded(b, 12);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return embedded(b, 2);
        }
        if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            return embedded(b, 12);
        }
        if (zero(b, 0, 12) && !zero(b, 12, 16)) {
            return embedded(b, 12);
        }
        return null;
    }

    private static String embedded(byte[] b, int from) {
        try {
            String kind = of(InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
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
