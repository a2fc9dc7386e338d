package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.common.RandomTokens;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets: webhook signing secrets (Standard Webhooks format) and bearer tokens. */
public final class SigningSecrets {

    /** Bytes of randomness in a signing secret; Standard Webhooks asks for 24 to 64. */
    static final int SIGNING_SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** @return {@code whsec_} followed by the base64 of 32 random bytes */
    public String newSigningSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(bytes(SIGNING_SECRET_BYTES));
    }

    /** @return a URL-safe random token of 256 bits, for the Authorization header */
    public String newToken() {
        return RandomTokens.next();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
