package io.plugboard.plugins.receiversupport;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 and the hex form signed senders write it in (GitHub's {@code X-Hub-Signature-256}, Stripe's
 * {@code v1=}), compared in constant time.
 */
public final class HmacSha256 {

    private HmacSha256() {}

    /** @return the HMAC-SHA256 of {@code data} under {@code key} */
    public static byte[] sign(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * @param hex a signature as sent, lower- or upper-case hex
     * @param expected the signature computed here
     * @return whether they are equal; the comparison takes the same time wherever they differ
     */
    public static boolean matches(String hex, byte[] expected) {
        byte[] presented = decodeHex(hex);
        return presented != null && MessageDigest.isEqual(presented, expected);
    }

    /** @return the bytes, or null if the text is not an even number of hex digits */
    public static byte[] decodeHex(String hex) {
        if (hex.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }
}
