package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.common.ConstantTime;
import io.plugboard.host.internal.common.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Access keys of inbound webhooks: 256 random bits as 43 URL-safe characters, stored only as their
 * SHA-256. A presented key is hashed and the hashes compared in constant time, so neither the
 * comparison's time nor the database reveals the key.
 */
final class AccessKeys {

    static final int PREFIX_LENGTH = 4;

    private AccessKeys() {}

    static String next() {
        return RandomTokens.next();
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** @return whether the presented key hashes to the stored hash; time independent of where they differ */
    static boolean matches(String presented, String storedHash) {
        return ConstantTime.same(hash(presented == null ? "" : presented), storedHash);
    }

    static String prefix(String key) {
        return key.substring(0, PREFIX_LENGTH);
    }
}
