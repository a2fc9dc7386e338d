package io.plugboard.sdk;

import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> signatures, as a receiving
 * endpoint does: {@code webhook-signature} holds one or more space-separated {@code v1,<base64>}
 * values, each an HMAC-SHA256 over {@code "<webhook-id>.<webhook-timestamp>.<body>"} keyed with the
 * bytes a {@code whsec_<base64>} secret encodes; one match, compared in constant time, is enough.
 * Several secrets may be given (a sender rotating its secret signs with both for a while).
 *
 * <p>Receiver plugins call {@link #verify} (headers present, timestamp within a tolerance of now, a
 * signature matching; otherwise a {@link RejectedRequestException} saying what is wrong); tests and
 * tools that only need a yes or no call {@link #matches}. Instances are immutable and thread-safe.
 */
public final class WebhookVerifier {

    /** What a Standard Webhooks secret starts with; the rest is base64. */
    public static final String SECRET_PREFIX = "whsec_";
    /** How far a timestamp may be from now by default: older requests are taken for replays. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private final List<byte[]> keys;

    private WebhookVerifier(List<byte[]> keys) {
        if (keys.stream().anyMatch(key -> key.length == 0)) {
            throw new IllegalArgumentException("a signing secret is empty");
        }
        this.keys = keys;
    }

    /**
     * @param secrets signing secrets, {@code whsec_<base64>} or the bare base64; the first that
     *     matches wins, see {@link #matchingSecret}
     * @return a verifier for them
     * @throws IllegalArgumentException if a secret is empty or not base64 after the prefix, or none is given
     */
    public static WebhookVerifier forSecrets(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one signing secret is needed");
        }
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets) {
            String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
            try {
                keys.add(Base64.getDecoder().decode(encoded));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the part after " + SECRET_PREFIX + " must be base64");
            }
        }
        return new WebhookVerifier(List.copyOf(keys));
    }

    /**
     * @param secret the signing secret, {@code whsec_<base64>} or the bare base64
     * @return a verifier for it
     * @throws IllegalArgumentException if it is not base64 after the prefix
     */
    public static WebhookVerifier forSecret(String secret) {
        return forSecrets(List.of(secret));
    }

    /**
     * @param key the HMAC key itself (what the secret's base64 encodes)
     * @return a verifier for it
     * @throws IllegalArgumentException if the key is empty
     */
    public static WebhookVerifier forKey(byte[] key) {
        return new WebhookVerifier(List.of(key.clone()));
    }

    /**
     * A plain yes or no, for tests and tools: never throws, and the timestamp's age is not checked.
     *
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header (seconds since 1970)
     * @param signatureHeader the {@code webhook-signature} header
     * @param body the raw body
     * @return true if one of the header's signatures was made with one of the secrets; false if any
     *     part is missing or malformed
     */
    public boolean matches(String id, String timestamp, String signatureHeader, byte[] body) {
        if (id == null || timestamp == null || signatureHeader == null || body == null) {
            return false;
        }
        try {
            return matchingSecret(id, timestamp(timestamp), signatureHeader, body) >= 0;
        } catch (RejectedRequestException e) {
            return false;
        }
    }

    /**
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} in seconds since 1970
     * @param signatureHeader the {@code webhook-signature} header
     * @param body the raw body
     * @return the position, in the order given, of the secret that signed the request, or -1
     */
    public int matchingSecret(String id, long timestamp, String signatureHeader, byte[] body) {
        List<byte[]> given = signatures(signatureHeader);
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < keys.size(); i++) {
            byte[] expected = hmac(keys.get(i), signed, body);
            for (byte[] candidate : given) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Verifies a request as a receiver must: the three headers present, the timestamp within
     * {@code tolerance} of {@code now} (so a captured request cannot be replayed later), and a
     * signature made with one of the secrets.
     *
     * @param id the {@code webhook-id} header, or null if absent
     * @param timestamp the {@code webhook-timestamp} header, or null if absent
     * @param signatureHeader the {@code webhook-signature} header, or null if absent
     * @param body the raw body
     * @param now when the request arrived
     * @param tolerance how far the timestamp may be from {@code now}
     * @return the message id ({@code webhook-id}) of the authentic request
     * @throws RejectedRequestException saying what is missing or wrong (never the secret)
     */
    public String verify(String id, String timestamp, String signatureHeader, byte[] body,
                         Instant now, Duration tolerance) {
        required("webhook-id", id);
        required("webhook-timestamp", timestamp);
        required("webhook-signature", signatureHeader);
        long seconds = timestamp(timestamp);
        Duration skew;
        try {
            skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        } catch (DateTimeException | ArithmeticException beyondAnyInstant) {
            throw new RejectedRequestException("webhook-timestamp " + seconds + " is not a time this receiver can read");
        }
        if (skew.compareTo(tolerance) > 0) {
            throw new RejectedRequestException("webhook-timestamp is " + skew.toSeconds() + " s away from now; at most "
                    + tolerance.toSeconds() + " s are accepted (replayed, or a clock is off)");
        }
        if (matchingSecret(id, seconds, signatureHeader, body) < 0) {
            throw new RejectedRequestException("no v1 signature in webhook-signature matches the body and the secret");
        }
        return id;
    }

    /**
     * @param value a {@code webhook-timestamp} header
     * @return its seconds since 1970
     * @throws RejectedRequestException if it is not a whole number of seconds
     */
    public static long timestamp(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new RejectedRequestException("webhook-timestamp must be whole seconds since 1970");
        }
    }

    private static void required(String header, String value) {
        if (value == null || value.isBlank()) {
            throw new RejectedRequestException("the " + header + " header is missing: the request is not signed");
        }
    }

    private static List<byte[]> signatures(String header) {
        List<byte[]> values = new ArrayList<>();
        for (String candidate : header.strip().split(" +")) {
            if (candidate.startsWith("v1,")) {
                try {
                    values.add(Base64.getDecoder().decode(candidate.substring(3)));
                } catch (IllegalArgumentException e) {
                    // a malformed value matches nothing; another one may still match
                }
            }
        }
        return values;
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
