package io.plugboard.host.internal.plugins;

import io.plugboard.repository.ReleaseSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Size and modification time of a jar, and of its signature file beside it: enough to notice that a
 * file changed, or is still being written. The signature counts because it decides whether the jar
 * may be installed: a {@code .sig} copied in after its jar is read again like a changed jar.
 *
 * @param signatureModifiedMillis the {@code NAME.jar.sig} file's modification time, or -1 when there is none
 */
record Fingerprint(long size, long modifiedMillis, long signatureModifiedMillis) {

    /** @return the file's fingerprint, or null if it cannot be read (e.g. just deleted) */
    static Fingerprint of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Path signature = file.resolveSibling(ReleaseSignature.fileNameFor(file.getFileName().toString()));
            long signatureModified;
            try {
                signatureModified = Files.getLastModifiedTime(signature).toMillis();
            } catch (IOException e) {
                signatureModified = -1;
            }
            return new Fingerprint(a.size(), a.lastModifiedTime().toMillis(), signatureModified);
        } catch (IOException e) {
            return null;
        }
    }

    /** @return how it is stored ({@code size/modifiedMillis/signatureModifiedMillis}); {@link #parse} reads it back */
    String text() {
        return size + "/" + modifiedMillis + "/" + signatureModifiedMillis;
    }

    /**
     * @return the fingerprint of a {@link #text()}, or null if the text is not one; a text stored before
     *     signatures counted ({@code size/modifiedMillis}) is a jar without a signature file
     */
    static Fingerprint parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/");
        try {
            return switch (parts.length) {
                case 2 -> new Fingerprint(Long.parseLong(parts[0]), Long.parseLong(parts[1]), -1);
                case 3 -> new Fingerprint(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
