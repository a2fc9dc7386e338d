package io.plugboard.plugins.standardwebhooks;

import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's Standard Webhooks signature: {@code webhook-signature} holds one or more
 * space-separated {@code v1,<base64 HMAC-SHA256>} over {@code "<webhook-id>.<webhook-timestamp>.<body>"},
 * and {@code webhook-timestamp} (seconds) must be within the tolerance of now, so a captured request
 * cannot be replayed later.
 */
final class SignatureCheck {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private SignatureCheck() {}

    /** @return the message id ({@code webhook-id}) of an authentic request */
    static String verify(InboundRequest request, byte[] key) {
        String id = required(request, "webhook-id");
        String timestamp = required(request, "webhook-timestamp");
        String signatures = required(request, "webhook-signature");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new RejectedRequestException("webhook-timestamp must be whole seconds since 1970");
        }
        Duration skew;
        try {
            skew = Duration.between(Instant.ofEpochSecond(seconds), request.receivedAt()).abs();
        } catch (DateTimeException | ArithmeticException beyondTime) {
            throw new RejectedRequestException("webhook-timestamp " + seconds + " is not a time this receiver can read");
        }
        if (skew.compareTo(TOLERANCE) > 0) {
            throw new RejectedRequestException("webhook-timestamp is " + skew.toSeconds()
                    + " s away from now; at most " + TOLERANCE.toSeconds() + " s are accepted (replayed, or a clock is off)");
        }
        byte[] expected = hmac(key, (id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8), request.body());
        for (String candidate : signatures.strip().split(" +")) {
            if (!candidate.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return id;
            }
        }
        throw new RejectedRequestException("no v1 signature in webhook-signature matches the body and the secret");
    }

    private static String required(InboundRequest request, String header) {
        return request.header(header).filter(v -> !v.isBlank()).orElseThrow(() ->
                new RejectedRequestException("the " + header + " header is missing: the request is not signed"));
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
