package io.plugboard.repository;

/**
 * A publisher's signature of a plugin jar: Ed25519 (RFC 8032) over the 64 bytes of the jar's SHA-512
 * digest, so anyone can check it with standard tools (OpenSSL's {@code pkeyutl -verify -rawin}). It is
 * the {@code signature} of a {@link Release} in {@code plugins.json}, and the whole content of a
 * {@code .sig} file beside a jar in a plugins folder ({@code invoice-plugin-1.0.1.jar.sig}).
 *
 * @param algorithm always {@link #ED25519_SHA512}
 * @param keyId which key signed it: {@link SigningKey#keyId}, the first 16 hex digits of the SHA-256 of the
 *     public key's X.509 encoding
 * @param value the 64-byte signature, Base64
 */
public record ReleaseSignature(String algorithm, String keyId, String value) {

    /** The only algorithm: Ed25519 over the jar's SHA-512 digest. */
    public static final String ED25519_SHA512 = "ed25519-sha512";

    /** The file name of a jar's signature beside it in a folder. */
    public static String fileNameFor(String jarFileName) {
        return jarFileName + ".sig";
    }
}
