package io.plugboard.repository;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/** The JDK's Ed25519 (Java 15 and later), the one algorithm of release signatures. */
final class Ed25519 {

    private Ed25519() {}

    static PublicKey publicKey(byte[] x509, String source) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidIndexException(source + ": not an Ed25519 public key (create one with "
                    + "'plugboard-repository keygen' or 'openssl pkey -pubout')");
        }
    }

    static PrivateKey privateKey(byte[] pkcs8, String source) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidIndexException(source + ": not an Ed25519 private key (create one with "
                    + "'plugboard-repository keygen' or 'openssl genpkey -algorithm ed25519')");
        }
    }

    /** @return the first 16 hex digits of the SHA-256 of the key's X.509 encoding */
    static String keyId(PublicKey key) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has SHA-256", e);
        }
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is a bad one
        }
    }
}
