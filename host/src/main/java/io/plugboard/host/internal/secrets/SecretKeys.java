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
 * Where the key that encrypts secret values comes from; never the database. The environment variable
 * {@code PLUGBOARD_SECRETS_KEY} (base64 of 32 bytes) wins; otherwise {@code secrets.key} in the data
 * dir, created on first use with owner-only permissions (0600 where the file system has them).
 */
public final class SecretKeys {

    public static final String ENV = "PLUGBOARD_SECRETS_KEY";
    static final String FILE = "secrets.key";
    private static final int KEY_BYTES = 32;

    private SecretKeys() {}

    /** @param fromEnv the value of {@value #ENV}, or null when unset */
    public static SecretKey load(String fromEnv, Path dataDir) {
        if (fromEnv != null && !fromEnv.isBlank()) {
            return decode(fromEnv.strip(), ENV);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
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

    private static SecretKey decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secrets key in " + where + " is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("the secrets key in " + where + " must be 32 bytes (256 bits), base64-encoded; got "
                    + key.length + " bytes");
        }
        return new SecretKeySpec(key, "AES");
    }
}
