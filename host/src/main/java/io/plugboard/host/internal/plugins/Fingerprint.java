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

    /** @return how it is stored ({@code size/modifiedMillis}); {@link #parse} reads it back */
    String text() {
        return size + "/" + modifiedMillis;
    }

    /** @return the fingerprint of a {@link #text()}, or null if the text is not one */
    static Fingerprint parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        try {
            return slash < 0 ? null
                    : new Fingerprint(Long.parseLong(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
