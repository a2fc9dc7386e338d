package io.plugboard.host.internal.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the key that encrypts secret values comes from; never the database. The key the host is
 * configured with ({@code secretsKey}, base64 of 32 bytes; the environment variable
 * {@code PLUGBOARD_SECRETS_KEY} reaches it only through the builder's binding) wins; otherwise
 * {@code secrets.key} in the data dir, created on first use with owner-only permissions (0600 where the
 * file system has them).
 */
public final class SecretKeys {

    /** Where a configured key comes from, for messages. */
    private static final String CONFIGURED = "secretsKey";
    static final String FILE = "secrets.key";
    private static final int KEY_BYTES = 32;

    private SecretKeys() {}

    /** @param configured the configured key (base64 of 32 bytes), or null to use the file in {@code dataDir} */
    public static SecretKey load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), CONFIGURED);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "the secrets key in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = Base64.getEncoder().encode(key);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; read theirs.
        }
    }

    /**
     * @param base64 a key as the builder is given it
     * @throws IllegalArgumentException saying what a key must be, for another value
     */
    public static void check(String base64) {
        try {
            decode(base64.strip(), CONFIGURED);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static SecretKey decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(where + " must be 32 bytes (256 bits), base64-encoded; got "
                    + key.length + " bytes");
        }
        return new SecretKeySpec(key, "AES");
    }
}
