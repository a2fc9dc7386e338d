package io.plugboard.host.internal.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Mutual TLS for one HTTP webhook: the client certificate (with its chain) and private key it presents,
 * and the CA bundle it trusts for that endpoint instead of the JVM's; each PEM text, each part optional
 * (certificate and key go together). Stored sealed with the secrets key; the key never leaves the host.
 *
 * @param certificate the client certificate, then any intermediates (PEM), or null
 * @param key its private key (PEM, unencrypted PKCS#8 or PKCS#1 RSA), or null
 * @param ca the certificates to trust for this endpoint (PEM), or null for the JVM's trust store
 */
public record ClientTls(String certificate, String key, String ca) {

    /** What the API and the form show instead of a stored key; sent back, it keeps the key. */
    public static final String MASK = "********";

    public boolean hasClientCertificate() {
        return certificate != null;
    }

    /** @return a SHA-256 over the three parts: one HTTP client is kept per distinct configuration */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {certificate, key, ca}) {
                sha.update((part == null ? "-" : "+" + part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Leaves the key out, so logging a webhook cannot leak it. */
    @Override
    public String toString() {
        return "ClientTls[certificate=" + (certificate != null) + ", key=" + (key != null) + ", ca=" + (ca != null) + "]";
    }
}
