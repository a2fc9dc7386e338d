package io.plugboard.plugins.stripe;

import io.plugboard.plugins.receiversupport.HmacSha256;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe's {@code Stripe-Signature}: {@code t=<unix seconds>,v1=<hex>,v1=<hex>,…}. Each {@code v1} is the
 * hex HMAC-SHA256 of {@code t + "." + raw body}, keyed with an endpoint secret ({@code whsec_…}, its
 * UTF-8 bytes as they are); {@code v0} (test-mode legacy) and unknown schemes are ignored.
 */
final class StripeSignature {

    static final String HEADER = "Stripe-Signature";

    private StripeSignature() {}

    /**
     * @param header the header's value, null when it was not sent
     * @param body the raw body
     * @param secrets the endpoint secrets; one match is enough (rotation)
     * @param receivedAt when the request arrived
     * @param tolerance how far {@code t} may be from {@code receivedAt}, either way
     * @throws RejectedRequestException saying what is missing or wrong (never a secret or the expected value)
     */
    static void check(String header, byte[] body, List<String> secrets, Instant receivedAt, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw new RejectedRequestException(HEADER + " is missing: this does not look like a Stripe webhook request");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            String scheme = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (scheme.equals("t")) {
                timestamp = value;
            } else if (scheme.equals("v1")) {
                signatures.add(value);
            }
        }
        long t = seconds(timestamp);
        if (signatures.isEmpty()) {
            throw new RejectedRequestException(HEADER + " has no v1 signature (v0 is not accepted)");
        }
        byte[] signed = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        if (!anyMatches(signed, signatures, secrets)) {
            throw new RejectedRequestException(HEADER + " does not match the body with any of the " + secrets.size()
                    + " secret(s) in the secret setting: check the endpoint's signing secret in Stripe's dashboard");
        }
        long drift = Math.abs(receivedAt.getEpochSecond() - t);
        if (drift > tolerance.toSeconds()) {
            throw new RejectedRequestException(HEADER + "'s timestamp t=" + t + " is " + drift + " s away from the time "
                    + "the request arrived; at most " + tolerance.toSeconds() + " s (tolerance_seconds) is accepted "
                    + "(a replayed request, or a clock that is off)");
        }
    }

    private static boolean anyMatches(byte[] signed, List<String> signatures, List<String> secrets) {
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = HmacSha256.sign(secret.getBytes(StandardCharsets.UTF_8), signed);
            for (String signature : signatures) {
                // No early return: the time taken does not tell which secret or signature matched.
                matched |= HmacSha256.matches(signature, expected);
            }
        }
        return matched;
    }

    private static long seconds(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            throw new RejectedRequestException(HEADER + " has no timestamp (t=)");
        }
        try {
            return Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new RejectedRequestException(HEADER + "'s timestamp t= is not a whole number of seconds");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
