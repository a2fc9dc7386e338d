package io.plugboard.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Standard Webhooks signature the way a receiving endpoint does: HMAC-SHA256, keyed with
 * the base64 part of the {@code whsec_} secret, over {@code "<webhook-id>.<webhook-timestamp>.<body>"},
 * compared in constant time with each space-separated {@code v1,<base64>} value of the header.
 * Written independently of the host's signer so a test checks the wire format, not the code.
 */
public final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {}

    /**
     * @param secret the signing secret, with or without {@code whsec_}
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header (epoch seconds)
     * @param signatureHeader the {@code webhook-signature} header
     * @param body the raw body
     * @return true if one signature in the header matches; false if any part is missing or malformed
     */
    public static boolean verify(String secret, String id, String timestamp, String signatureHeader, byte[] body) {
        if (secret == null || id == null || timestamp == null || signatureHeader == null || body == null) {
            return false;
        }
        byte[] expected = hmac(secret, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        if (expected == null) {
            return false;
        }
        for (String candidate : signatureHeader.trim().split(" +")) {
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
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }
}
