package io.plugboard.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The publishers' public keys a host trusts, from its trusted keys file: PEM public keys
 * ({@code -----BEGIN PUBLIC KEY-----}), each optionally named by a {@code # comment} line above it.
 * Checks a jar's signature against them.
 */
public final class TrustedKeys {

    /** One trusted key. */
    public record TrustedKey(String keyId, String name, PublicKey publicKey) {}

    private final Map<String, TrustedKey> byId;

    private TrustedKeys(Map<String, TrustedKey> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId)); // in the file's order
    }

    /** No trusted key: every signed jar is {@link SignatureCheck.Status#UNKNOWN_KEY}. */
    public static TrustedKeys none() {
        return new TrustedKeys(Map.of());
    }

    /** @throws InvalidIndexException if the file holds something other than Ed25519 public keys */
    public static TrustedKeys load(Path file) throws IOException {
        Map<String, TrustedKey> keys = new LinkedHashMap<>();
        for (Pem.Block block : Pem.read(Files.readString(file), file.toString())) {
            if (!block.label().equals("PUBLIC KEY")) {
                throw new InvalidIndexException(file + " holds a " + block.label() + " block; a trusted keys file "
                        + "lists public keys only (never share a private key)");
            }
            PublicKey key = Ed25519.publicKey(block.der(), file.toString());
            String id = Ed25519.keyId(key);
            keys.put(id, new TrustedKey(id, block.comment(), key));
        }
        return new TrustedKeys(keys);
    }

    public List<TrustedKey> keys() {
        return List.copyOf(byId.values());
    }

    /**
     * @param jar the jar as it will be installed
     * @param signature its signature, or null when it has none
     */
    public SignatureCheck check(Path jar, ReleaseSignature signature) throws IOException {
        return signature == null ? unsigned() : check(JarDigest.sha512(jar), signature);
    }

    /** @param sha512 the 64 bytes of the jar's SHA-512, when the caller has it already (a download) */
    public SignatureCheck check(byte[] sha512, ReleaseSignature signature) {
        if (signature == null) {
            return unsigned();
        }
        TrustedKey key = byId.get(signature.keyId());
        if (key == null) {
            return new SignatureCheck(SignatureCheck.Status.UNKNOWN_KEY, signature.keyId(), null);
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(signature.value());
        } catch (IllegalArgumentException e) {
            value = new byte[0];
        }
        SignatureCheck.Status status = ReleaseSignature.ED25519_SHA512.equals(signature.algorithm())
                && Ed25519.verify(key.publicKey(), sha512, value)
                ? SignatureCheck.Status.SIGNED : SignatureCheck.Status.BAD_SIGNATURE;
        return new SignatureCheck(status, key.keyId(), key.name());
    }

    /** The one key of a public key file (what {@link SigningKey#load} needs beside an OpenSSL private key). */
    PublicKey only(String source) {
        if (byId.size() != 1) {
            throw new InvalidIndexException(source + " must hold exactly one public key; it holds " + byId.size());
        }
        return byId.values().iterator().next().publicKey();
    }

    private static SignatureCheck unsigned() {
        return new SignatureCheck(SignatureCheck.Status.UNSIGNED, null, null);
    }
}
