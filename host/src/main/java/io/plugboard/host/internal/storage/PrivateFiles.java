package io.plugboard.host.internal.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder and the files in it that the host creates, readable by the host's user only
 * ({@code 0700} and {@code 0600} where the file system has POSIX permissions): they hold the signing
 * secrets, the secrets key and the plugins' copies. What already exists is left as it is, with a
 * warning when others can read it.
 */
public final class PrivateFiles {

    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /** Creates the folder and any missing parents, the folder itself {@code 0700}. */
    public static Path directory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                warnIfShared(dir);
                return dir;
            }
            if (dir.toAbsolutePath().getParent() != null) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
            }
            if (posix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
            return dir;
        } catch (FileAlreadyExistsException raced) {
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath(), e);
        }
    }

    /** Creates the file empty and {@code 0600} unless it exists (SQLite then gives its WAL files the same mode). */
    public static Path file(Path file) {
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            warnIfShared(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.toAbsolutePath(), e);
        }
        return file;
    }

    private static void warnIfShared(Path path) {
        try {
            if (posix(path) && Files.getPosixFilePermissions(path).stream().anyMatch(OTHERS::contains)) {
                log.warn("{} can be read by other users of this machine ({}), and it holds secrets; "
                                + "consider chmod {} it", path.toAbsolutePath(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
                        Files.isDirectory(path) ? "700" : "600");
            }
        } catch (IOException e) {
            log.debug("Cannot read the permissions of {}: {}", path, e.toString());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
