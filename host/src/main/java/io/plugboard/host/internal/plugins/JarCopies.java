package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private copies of plugin jars, in a folder of the data dir. Plugins are loaded from these, never
 * from the plugins folder, so the original file is never held open and can be replaced or deleted at
 * any time. Every copy has a new name, so a new version never overwrites a jar that is still open.
 */
final class JarCopies {

    private static final Logger log = LoggerFactory.getLogger(JarCopies.class);

    private final Path dir;
    private final AtomicLong counter = new AtomicLong();

    JarCopies(Path dir) {
        this.dir = dir;
    }

    /** Creates the folder and removes copies a previous run left behind. */
    void clear() {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the folder for plugin copies " + dir, e);
        }
    }

    /** @throws IOException if the source cannot be read */
    Path copy(Path source) throws IOException {
        Path copy = dir.resolve("plugin-" + System.currentTimeMillis() + "-" + counter.incrementAndGet() + ".jar");
        Files.copy(source, copy);
        return copy;
    }

    /** Deletes a copy, if it is one of ours; a failure is logged, the file is cleared on the next start. */
    void delete(Path copy) {
        if (copy == null || !copy.startsWith(dir)) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            log.warn("Could not delete the plugin copy {}: {}", copy, e.toString());
        }
    }
}
