package io.plugboard.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-512 of a file: what {@code plugins.json} lists and what a signature covers. */
public final class JarDigest {

    private JarDigest() {}

    /** @return the 64 bytes of the file's SHA-512 */
    public static byte[] sha512(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /** @return the file's SHA-512 as 128 lower-case hex digits, as {@code plugins.json} lists it */
    public static String sha512Hex(Path file) throws IOException {
        return HexFormat.of().formatHex(sha512(file));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has SHA-512", e);
        }
    }
}
