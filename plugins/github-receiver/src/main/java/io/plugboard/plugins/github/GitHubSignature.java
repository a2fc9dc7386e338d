package io.plugboard.plugins.github;

import io.plugboard.plugins.receiversupport.HmacSha256;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} followed by the hex HMAC-SHA256 of the raw body,
 * keyed with the webhook's secret (the UTF-8 bytes of the text typed into GitHub's "Secret" field).
 */
final class GitHubSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private GitHubSignature() {}

    /**
     * @param header the header's value, null when it was not sent
     * @param legacySent whether the SHA-1 {@code X-Hub-Signature} was sent, to say so when the other is missing
     * @param body the raw body
     * @param secret the {@code secret} setting
     * @throws RejectedRequestException saying what is missing or wrong (never the secret or the expected value)
     */
    static void check(String header, boolean legacySent, byte[] body, String secret) {
        if (header == null || header.isBlank()) {
            throw new RejectedRequestException(HEADER + " is missing" + (legacySent
                    ? " (only the SHA-1 X-Hub-Signature was sent, which is not accepted)"
                    : ": set a Secret in GitHub's webhook settings, the same as this inbound webhook's secret setting"));
        }
        String value = header.strip();
        if (!value.startsWith(PREFIX)) {
            throw new RejectedRequestException(HEADER + " must start with " + PREFIX);
        }
        if (secret.isEmpty()) {
            // Saved settings were verified; this is a stored value that no longer reads (e.g. a lost secrets key).
            throw new RejectedRequestException("the inbound webhook's secret setting is empty; Verify on its page "
                    + "says what to enter");
        }
        byte[] expected = HmacSha256.sign(secret.getBytes(StandardCharsets.UTF_8), body);
        if (!HmacSha256.matches(value.substring(PREFIX.length()), expected)) {
            throw new RejectedRequestException(HEADER + " does not match the body: the secret in GitHub's webhook "
                    + "settings differs from the secret setting, or the body was changed on the way");
        }
    }
}
