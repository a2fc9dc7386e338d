package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jars in the plugins folder with their fingerprints; hidden files (uploads in progress) are skipped. */
final class PluginFolder {

    private static final Logger log = LoggerFactory.getLogger(PluginFolder.class);

    private final Path dir;

    PluginFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** @return every visible {@code *.jar} file, sorted by path; empty if the folder does not exist */
    Map<Path, Fingerprint> scan() {
        Map<Path, Fingerprint> jars = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return jars;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path file : files) {
                Fingerprint fingerprint = file.getFileName().toString().startsWith(".") || !Files.isRegularFile(file)
                        ? null : Fingerprint.of(file);
                if (fingerprint != null) {
                    jars.put(file, fingerprint);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the plugins folder {}: {}", dir, e.toString());
        }
        return jars;
    }
}
