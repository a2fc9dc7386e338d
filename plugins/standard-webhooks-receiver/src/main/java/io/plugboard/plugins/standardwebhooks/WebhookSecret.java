package io.plugboard.plugins.standardwebhooks;

import java.util.Base64;

/** A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of 24 to 64 random bytes. */
final class WebhookSecret {

    static final String PREFIX = "whsec_";

    private WebhookSecret() {}

    /**
     * @return the HMAC key
     * @throws IllegalArgumentException saying what is wrong with the secret
     */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX + " (the sender's signing secret)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the part after " + PREFIX + " must be base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("must hold 24 to 64 bytes after " + PREFIX + ", not " + key.length);
        }
        return key;
    }
}
