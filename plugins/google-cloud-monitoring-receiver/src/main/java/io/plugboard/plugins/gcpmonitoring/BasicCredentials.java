package io.plugboard.plugins.gcpmonitoring;

import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The optional HTTP Basic check of a "Webhook with basic authentication" notification channel: the
 * request's {@code Authorization: Basic …} must carry exactly {@code username:secret}.
 */
final class BasicCredentials {

    private BasicCredentials() {}

    /**
     * @param username the expected user name; the check is skipped when it is empty
     * @param secret the expected password
     * @throws RejectedRequestException when the header is missing, malformed or different (never saying
     *     which part differs, nor echoing what was sent)
     */
    static void check(InboundRequest request, String username, String secret) {
        if (username.isEmpty()) {
            return;
        }
        String header = request.header("Authorization").orElse("").strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            throw new RejectedRequestException("an Authorization: Basic header is required: this inbound webhook "
                    + "has a username and secret (use a \"Webhook with basic authentication\" channel)");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.substring("basic ".length()).strip());
        } catch (IllegalArgumentException e) {
            throw new RejectedRequestException("the Authorization header's Basic credentials are not base64");
        }
        byte[] expected = (username + ":" + secret).getBytes(StandardCharsets.UTF_8);
        // Digests first, so the comparison takes the same time whatever the lengths.
        if (!MessageDigest.isEqual(sha256(expected), sha256(presented))) {
            throw new RejectedRequestException("the Authorization header's Basic credentials do not match "
                    + "this inbound webhook's username and secret");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
