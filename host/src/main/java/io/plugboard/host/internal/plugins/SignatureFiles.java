package io.plugboard.host.internal.plugins;

import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.InvalidIndexException;
import io.plugboard.repository.ReleaseSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A jar's signature in the plugins folder: the file {@code NAME.jar.sig} beside {@code NAME.jar}. The
 * host writes one for a signed upload or repository release, so the folder alone says what was
 * checked, and deletes it with its jar.
 */
final class SignatureFiles {

    private SignatureFiles() {}

    static Path beside(Path jar) {
        return jar.resolveSibling(ReleaseSignature.fileNameFor(jar.getFileName().toString()));
    }

    /** @return the signature beside the jar, or null; @throws BadPluginJarException if the file is not a signature */
    static ReleaseSignature read(Path jar) throws BadPluginJarException {
        Path file = beside(jar);
        try {
            return IndexFormat.readSignature(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | InvalidIndexException e) {
            throw new BadPluginJarException("refused: its signature file " + file.getFileName() + " cannot be used ("
                    + e.getMessage() + ")");
        }
    }

    /** Writes the signature beside the jar (before the jar itself is put there), or removes a stale one. */
    static void write(Path jar, ReleaseSignature signature) {
        try {
            if (signature == null) {
                Files.deleteIfExists(beside(jar));
            } else {
                Files.write(beside(jar), IndexFormat.write(signature));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signature of " + jar.getFileName(), e);
        }
    }

    /** Deletes the signature beside a deleted jar; @throws IOException if it is there and cannot be deleted */
    static void delete(Path jar) throws IOException {
        Files.deleteIfExists(beside(jar));
    }
}
