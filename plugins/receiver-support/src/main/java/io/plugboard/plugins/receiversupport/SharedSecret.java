package io.plugboard.plugins.receiversupport;

import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A receiver's check of a credential the sender puts in a header (a shared secret, a bearer token, a
 * Basic user and password) for tools that cannot sign their requests. Compared in constant time, so
 * the time an answer takes says nothing about how much of a guess was right; messages never include
 * the secret or what was presented.
 */
public final class SharedSecret {

    private SharedSecret() {}

    /** @return whether the two are equal, in time that depends on their lengths only */
    public static boolean matches(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param header the header that carries the secret, e.g. {@code X-Plugboard-Secret}
     * @param expected the inbound webhook's secret
     * @throws RejectedRequestException when the header is missing or holds another value
     */
    public static void requireHeader(InboundRequest request, String header, String expected) {
        String presented = request.header(header).orElse(null);
        if (presented == null) {
            throw new RejectedRequestException("the " + header + " header is missing");
        }
        if (!matches(presented, expected)) {
            throw new RejectedRequestException("the " + header + " header does not hold this inbound webhook's secret");
        }
    }

    /** @return whether a header name is an HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~}) */
    public static boolean isHeaderName(String name) {
        return name != null && name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    }
}
