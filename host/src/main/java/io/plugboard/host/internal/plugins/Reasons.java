package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;

/** Turns a plugin's exception into the one line an admin reads: the message, and the root cause's. */
final class Reasons {

    private Reasons() {}

    static String describe(Throwable error) {
        String message = message(error);
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != error) {
            String rootMessage = message(root);
            if (!message.contains(rootMessage)) {
                message = message + " (caused by " + rootMessage + ")";
            }
        }
        return message;
    }

    /** Why a file in the plugins folder is not a plugin; a broken jar is named as such, not by PF4J's lookup. */
    static String loadFailure(Path file, Throwable error) {
        try (JarFile ignored = new JarFile(file.toFile())) {
            return describe(error);
        } catch (IOException e) {
            return "not a valid jar file";
        }
    }

    private static String message(Throwable t) {
        String text = t.getMessage();
        return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
    }
}
