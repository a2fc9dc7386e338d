package io.plugboard.host.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 signatures: HMAC-SHA256 over {@code "<id>.<timestamp>.<body>"}, keyed with the
 * base64-decoded part of a {@code whsec_} secret, written as {@code v1,<base64>}. Several secrets
 * (during a rotation) give several signatures separated by spaces.
 */
public final class Signer {

    private static final String PREFIX = "whsec_";
    /** A Mac per thread: looking the algorithm up costs more than signing a small body. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private Signer() {}

    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the signing secret is not a valid HMAC key", e);
        }
    }

    /** @return the {@code webhook-signature} header value for all the given secrets */
    public static String header(List<String> secrets, String messageId, long timestamp, byte[] body) {
        return secrets.stream().map(s -> sign(s, messageId, timestamp, body)).collect(Collectors.joining(" "));
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
