package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Size and modification time of a jar: enough to notice that a file changed, or is still being written. */
record Fingerprint(long size, long modifiedMillis) {

    /** @return the file's fingerprint, or null if it cannot be read (e.g. just deleted) */
    static Fingerprint of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Fingerprint(a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
    }
}
